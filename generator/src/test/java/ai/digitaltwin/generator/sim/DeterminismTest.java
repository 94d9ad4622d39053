package ai.digitaltwin.generator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.generator.person.Person;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Personality;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {
  static final Instant T0 = Instant.parse("2026-05-04T00:00:00Z");

  /** SHA-256 over every encoded event, in emission order. */
  static final class Digest implements Emitter {
    final MessageDigest sha;
    long events;

    Digest() throws Exception {
      sha = MessageDigest.getInstance("SHA-256");
    }

    @Override
    public void health(HealthEvent e) {
      sha.update(Topics.HEALTH.codec().encode(e));
      events++;
    }

    @Override
    public void behavior(BehaviorEvent e) {
      sha.update(Topics.BEHAVIOR.codec().encode(e));
      events++;
    }

    @Override
    public void groundTruth(GroundTruthEpisode e) {
      sha.update(Topics.GROUND_TRUTH.codec().encode(e));
      events++;
    }

    String hex() {
      return HexFormat.of().formatHex(sha.digest());
    }
  }

  static String run(long seed, double lateRate) throws Exception {
    Digest d = new Digest();
    SimSettings settings = new SimSettings(seed, T0.toEpochMilli(), 60, 5, lateRate, lateRate, 15);
    PopulationRun.run(PopulationRun.people(seed, 30), settings, 2, d);
    assertThat(d.events).isGreaterThan(30 * 2 * 1440);
    return d.hex();
  }

  @Test
  void oneSeedGivesTheSameEventsByteForByte() throws Exception {
    assertThat(run(42, 0.02)).isEqualTo(run(42, 0.02));
  }

  @Test
  void anotherSeedGivesOtherEvents() throws Exception {
    assertThat(run(43, 0)).isNotEqualTo(run(42, 0));
  }

  @Test
  void aTwinDoesNotChangeWhenOthersJoin() throws Exception {
    List<Person> people = PopulationRun.people(42, 10);
    Digest alone = new Digest();
    Digest crowd = new Digest();
    SimSettings settings = PopulationRun.settings(42, T0.toEpochMilli(), 1);
    PopulationRun.run(people.subList(0, 1), settings, 1, alone);
    PopulationRun.run(people, settings, 1, filter(people.get(0).twinId(), crowd));
    assertThat(crowd.hex()).isEqualTo(alone.hex());
  }

  @Test
  void aPersonalityEditChangesBehaviourFromThenOn() {
    Person shy = PopulationRun.people(5, 1).get(0);
    Simulation before = new Simulation(PopulationRun.settings(5, T0.toEpochMilli(), 0));
    Simulation after = new Simulation(PopulationRun.settings(5, T0.toEpochMilli(), 0));
    before.add(shy);
    after.add(shy);
    Personality outgoing = new Personality(0.5, 0.5, 0.98, 0.9, 0.2);
    after.apply(new TwinRegistryEvent("edit-1", shy.twinId(), T0, "updated", shy.profile(), outgoing, null, shy.seed(), "test"));
    TwinStats unchanged = new TwinStats();
    TwinStats edited = new TwinStats();
    unchanged.know(List.of(shy));
    edited.know(List.of(shy));
    for (long t = 0; t < 14 * 1440; t++) {
      before.step(t, unchanged);
      after.step(t, edited);
    }
    double socialBefore = (double) unchanged.of(shy.twinId()).social / unchanged.of(shy.twinId()).awake;
    double socialAfter = (double) edited.of(shy.twinId()).social / edited.of(shy.twinId()).awake;
    System.out.printf("social share: E=%.2f %.3f, E=0.98 %.3f%n", shy.personality().getExtraversion(), socialBefore, socialAfter);
    assertThat(socialAfter).isGreaterThan(socialBefore * 1.3);
  }

  private static Emitter filter(String twinId, Emitter out) {
    return new Emitter() {
      @Override
      public void health(HealthEvent e) {
        if (e.getTwinId().equals(twinId)) {
          out.health(e);
        }
      }

      @Override
      public void behavior(BehaviorEvent e) {
        if (e.getTwinId().equals(twinId)) {
          out.behavior(e);
        }
      }

      @Override
      public void groundTruth(GroundTruthEpisode e) {
        if (e.getTwinId().equals(twinId)) {
          out.groundTruth(e);
        }
      }
    };
  }
}
