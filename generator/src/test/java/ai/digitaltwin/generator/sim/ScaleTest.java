package ai.digitaltwin.generator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.generator.common.Seeds;
import ai.digitaltwin.generator.person.PersonFactory;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** 100,000 twins live in bounded memory: the state per twin is small and events are not kept. */
class ScaleTest {
  static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
  static final int TWINS = 100_000;

  @Test
  void hundredThousandTwinsFitInBoundedMemory() {
    long before = usedAfterGc();
    Simulation sim = new Simulation(PopulationRun.settings(1, T0.toEpochMilli(), 1));
    for (int i = 0; i < TWINS; i++) {
      String id = "t-" + i;
      sim.add(PersonFactory.random(id, Seeds.twin(1, id)));
    }
    long[] health = new long[1];
    Emitter count = new Emitter() {
      @Override
      public void health(HealthEvent e) {
        health[0]++;
      }

      @Override
      public void behavior(BehaviorEvent e) {}

      @Override
      public void groundTruth(GroundTruthEpisode e) {}
    };
    long started = System.nanoTime();
    for (long t = 0; t < 30; t++) {
      sim.step(t, count);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long used = usedAfterGc() - before;
    System.out.printf("%d twins: %.0f MB retained (%.0f bytes/twin), %.0f twin-ticks/s%n", TWINS, used / 1e6,
        (double) used / TWINS, 30.0 * TWINS / seconds);
    assertThat(health[0]).isEqualTo(30L * TWINS);
    assertThat(sim.size()).isEqualTo(TWINS);
    assertThat(used).as("bytes retained by %d twins", TWINS).isLessThan(250L * 1024 * 1024);
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
