package ai.digitaltwin.generator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Injected episodes happen where they make physiological sense, and the ground truth still says each one. */
class AnomalyContextTest {
  static final Instant T0 = Instant.parse("2026-05-04T00:00:00Z");

  /** Every health reading inside an episode of each type, with the episode, by twin. */
  static final class Inside implements Emitter {
    final Map<String, List<GroundTruthEpisode>> open = new HashMap<>();
    final List<GroundTruthEpisode> all = new ArrayList<>();
    final Map<String, List<String>> activities = new HashMap<>();
    final Map<String, List<Integer>> steps = new HashMap<>();
    final Map<String, List<String>> startedIn = new HashMap<>();

    @Override
    public void groundTruth(GroundTruthEpisode e) {
      open.computeIfAbsent(e.getTwinId(), k -> new ArrayList<>()).add(e);
      all.add(e);
    }

    @Override
    public void behavior(BehaviorEvent e) {}

    @Override
    public void health(HealthEvent e) {
      for (GroundTruthEpisode g : open.getOrDefault(e.getTwinId(), List.of())) {
        if (!e.getTs().isBefore(g.getStartTs()) && e.getTs().isBefore(g.getEndTs())) {
          activities.computeIfAbsent(g.getType(), k -> new ArrayList<>()).add(e.getActivity());
          if (e.getTs().equals(g.getStartTs())) {
            steps.computeIfAbsent(g.getType(), k -> new ArrayList<>()).add(e.getSteps());
            startedIn.computeIfAbsent(g.getType(), k -> new ArrayList<>()).add(e.getActivity());
          }
        }
      }
    }
  }

  /** A fever already running when the infection's was due: it is that fever. */
  private static boolean covers(GroundTruthEpisode fever, GroundTruthEpisode rise) {
    return fever.getType().equals("fever") && fever.getTwinId().equals(rise.getTwinId())
        && fever.getStartTs().isBefore(rise.getEndTs()) && fever.getEndTs().isAfter(rise.getStartTs());
  }

  @Test
  void bradycardiaInSleepSpikesInMotionChargingAwakeAndAFeverAfterEveryInfectionsRise() {
    Inside inside = new Inside();
    PopulationRun.run(PopulationRun.people(11, 40), PopulationRun.settings(11, T0.toEpochMilli(), 20), 6, inside);
    assertThat(inside.activities.get("bradycardia")).hasSizeGreaterThan(100).containsOnly("sleep");
    assertThat(inside.startedIn.get("tachycardia")).hasSizeGreaterThan(20).doesNotContain("exercise");
    assertThat(inside.steps.get("sensor_spike")).hasSizeGreaterThan(20).allSatisfy(s -> assertThat(s).isPositive());
    assertThat(inside.steps.get("sensor_dropout")).hasSizeGreaterThan(20).containsOnly(0);
    List<GroundTruthEpisode> rises = inside.all.stream().filter(g -> g.getType().equals("resting_hr_elevation")).toList();
    assertThat(rises).isNotEmpty();
    for (GroundTruthEpisode rise : rises) {
      if (rise.getStartTs().plusSeconds(86_400 * 4).isAfter(T0.plusSeconds(6 * 86_400))) {
        continue; // its fever would come after the run's end
      }
      assertThat(inside.all).as("the fever of the infection starting %s", rise.getStartTs())
          .anyMatch(g -> covers(g, rise));
    }
  }
}
