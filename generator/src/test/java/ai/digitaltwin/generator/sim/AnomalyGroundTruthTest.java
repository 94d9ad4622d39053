package ai.digitaltwin.generator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.generator.person.Person;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Injected anomalies are in the events exactly where the ground truth says: every reading inside an
 * episode carries its signature, and the signatures that cannot occur naturally occur nowhere else.
 */
class AnomalyGroundTruthTest {
  static final Instant T0 = Instant.parse("2026-04-06T00:00:00Z");

  enum Sign { NULL_HR, SPIKE, LOW_SPO2, FEVER_TEMP, FLAT }

  @Test
  void anomaliesAppearExactlyWhereTheGroundTruthSays() {
    List<Person> people = PopulationRun.people(7, 80);
    Checker checker = new Checker();
    PopulationRun.run(people, PopulationRun.settings(7, T0.toEpochMilli(), 20), 7, checker);

    System.out.println("episodes by type: " + checker.episodes);
    assertThat(checker.episodes.keySet()).containsExactlyInAnyOrder("tachycardia", "bradycardia", "spo2_dip", "fever",
        "hypertensive", "resting_hr_elevation", "sensor_flatline", "sensor_dropout", "sensor_spike");
    assertThat(checker.insideViolations).as("readings inside an episode without its signature").isEmpty();
    assertThat(checker.outsideViolations).as("signatures outside any episode of their type").isEmpty();
    assertThat(checker.checkedInside).isGreaterThan(1000);
  }

  static final class Checker implements Emitter {
    final Map<String, Integer> episodes = new HashMap<>();
    final Map<String, List<GroundTruthEpisode>> open = new HashMap<>();
    final Map<String, HealthEvent> previous = new HashMap<>();
    final List<String> insideViolations = new ArrayList<>();
    final List<String> outsideViolations = new ArrayList<>();
    long checkedInside;

    @Override
    public void groundTruth(GroundTruthEpisode e) {
      episodes.merge(e.getType(), 1, Integer::sum);
      open.computeIfAbsent(e.getTwinId(), k -> new ArrayList<>()).add(e);
    }

    @Override
    public void behavior(BehaviorEvent e) {}

    @Override
    public void health(HealthEvent e) {
      List<GroundTruthEpisode> mine = open.computeIfAbsent(e.getTwinId(), k -> new ArrayList<>());
      mine.removeIf(g -> !e.getTs().isBefore(g.getEndTs()));
      Map<Sign, Boolean> allowed = new EnumMap<>(Sign.class);
      boolean sensorFault = mine.stream().anyMatch(g -> g.getType().startsWith("sensor_"));
      for (GroundTruthEpisode g : mine) {
        if (e.getTs().isBefore(g.getStartTs())) {
          continue;
        }
        checkedInside++;
        switch (g.getType()) {
          case "sensor_dropout" -> { allowed.put(Sign.NULL_HR, true); expect(e.getHeartRate() == null, g, e); }
          case "sensor_spike" -> { allowed.put(Sign.SPIKE, true); expect(e.getHeartRate() > 230, g, e); }
          case "sensor_flatline" -> {
            allowed.put(Sign.FLAT, true);
            HealthEvent before = previous.get(e.getTwinId());
            boolean first = e.getTs().equals(g.getStartTs());
            expect(first || sameVitals(before, e), g, e);
          }
          case "spo2_dip" -> { allowed.put(Sign.LOW_SPO2, true); expect(sensorFault || e.getSpo2() < 90, g, e); }
          case "tachycardia" -> expect(sensorFault || e.getHeartRate() >= 110, g, e);
          case "bradycardia" -> expect(sensorFault || e.getHeartRate() <= 50, g, e);
          case "hypertensive" -> expect(sensorFault || (e.getSystolicBp() >= 150 && e.getDiastolicBp() >= 90), g, e);
          case "fever" -> { allowed.put(Sign.FEVER_TEMP, true); expect(sensorFault || e.getBodyTempC() >= 37.3, g, e); }
          case "resting_hr_elevation" -> { } // a shift of days: checked in aggregate by the behaviour of HR, not per reading
          default -> throw new AssertionError("unknown type " + g.getType());
        }
      }
      if (allowed.containsKey(Sign.FLAT)) { // a stuck sensor repeats whatever it last measured, fever included
        allowed.put(Sign.LOW_SPO2, true);
        allowed.put(Sign.FEVER_TEMP, true);
      }
      outside(Sign.NULL_HR, e.getHeartRate() == null, allowed, e);
      outside(Sign.SPIKE, e.getHeartRate() != null && e.getHeartRate() > 230, allowed, e);
      outside(Sign.LOW_SPO2, e.getSpo2() != null && e.getSpo2() < 90, allowed, e);
      outside(Sign.FEVER_TEMP, e.getBodyTempC() != null && e.getBodyTempC() >= 38.3, allowed, e);
      HealthEvent before = previous.put(e.getTwinId(), e);
      HealthEvent beforeThat = before == null ? null : previous.get(e.getTwinId() + "#2");
      outside(Sign.FLAT, before != null && beforeThat != null && sameVitals(before, e) && sameVitals(beforeThat, before), allowed, e);
      if (before != null) {
        previous.put(e.getTwinId() + "#2", before);
      }
    }

    private void expect(boolean ok, GroundTruthEpisode g, HealthEvent e) {
      if (!ok && insideViolations.size() < 20) {
        insideViolations.add(g.getType() + " " + g.getTwinId() + " at " + e.getTs() + ": " + e);
      }
    }

    private void outside(Sign sign, boolean seen, Map<Sign, Boolean> allowed, HealthEvent e) {
      if (seen && !allowed.containsKey(sign) && outsideViolations.size() < 20) {
        outsideViolations.add(sign + " " + e.getTwinId() + " at " + e.getTs() + ": " + e);
      }
    }

    private static boolean sameVitals(HealthEvent a, HealthEvent b) {
      return a != null && a.getHeartRate() != null && Objects.equals(a.getHeartRate(), b.getHeartRate()) && Objects.equals(a.getSpo2(), b.getSpo2())
          && Objects.equals(a.getSystolicBp(), b.getSystolicBp()) && Objects.equals(a.getBodyTempC(), b.getBodyTempC());
    }
  }
}
