package ai.digitaltwin.generator.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.generator.common.Seeds;
import ai.digitaltwin.generator.person.PersonFactory;
import ai.digitaltwin.generator.sim.Emitter;
import ai.digitaltwin.generator.sim.HealthReading;
import ai.digitaltwin.generator.sim.SimSettings;
import ai.digitaltwin.generator.sim.Simulation;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The hand-written encoder writes exactly the bytes of the Avro codec, for every kind of value. */
class WireEncoderTest {
  static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
  final WireEncoder wire = new WireEncoder();
  long compared;

  @Test
  void writesTheCodecsBytesForSimulatedEvents() {
    Simulation sim = new Simulation(new SimSettings(3, T0.toEpochMilli(), 60, 50, 0.05, 0.05, 15));
    for (int i = 0; i < 20; i++) {
      sim.add(PersonFactory.random("tw-ü-" + i, Seeds.twin(3, "tw-" + i))); // a non-ASCII id on purpose
    }
    Emitter compare = new Emitter() {
      @Override
      public void health(HealthEvent e) {
        same(Topics.HEALTH.codec().encode(e), wire.health(e));
      }

      @Override
      public void health(HealthReading r) {
        byte[] expected = Topics.HEALTH.codec().encode(r.toEvent());
        same(expected, wire.health(r, r.twinId().getBytes(StandardCharsets.UTF_8)));
        same(expected, wire.health(r.toEvent()));
      }

      @Override
      public void behavior(BehaviorEvent e) {
        same(Topics.BEHAVIOR.codec().encode(e), wire.behavior(e));
      }

      @Override
      public void groundTruth(GroundTruthEpisode e) {}
    };
    for (long t = 0; t < 2 * 1440; t++) {
      sim.step(t, compare);
    }
    assertThat(compared).isGreaterThan(20 * 2 * 1440);
  }

  @Test
  void writesExtremeValues() {
    HealthEvent e = new HealthEvent("id", "t", Instant.ofEpochMilli(-1), -0.0, Double.NaN, Double.MAX_VALUE, null,
        Double.NEGATIVE_INFINITY, 1e-300, null, Integer.MIN_VALUE, null, 1.0, null, "");
    same(Topics.HEALTH.codec().encode(e), wire.health(e));
    HealthReading r = new HealthReading(-1, Long.MIN_VALUE, "tw-ü", -1, Double.NaN, -0.0, Double.MAX_VALUE, Double.NaN,
        Double.NEGATIVE_INFINITY, 1e-300, Double.NaN, Integer.MIN_VALUE, 0.0, 1.0, "x".repeat(100));
    same(Topics.HEALTH.codec().encode(r.toEvent()), wire.health(r, "tw-ü".getBytes(StandardCharsets.UTF_8)));
    BehaviorEvent b = new BehaviorEvent("", "x".repeat(1000), Instant.ofEpochMilli(Long.MAX_VALUE), "step", "sleep",
        "work", 1e9, Integer.MAX_VALUE, 0.5, -1.0);
    same(Topics.BEHAVIOR.codec().encode(b), wire.behavior(b));
  }

  private void same(byte[] expected, byte[] actual) {
    if (!Arrays.equals(expected, actual)) {
      throw new AssertionError("bytes differ: " + Arrays.toString(expected) + " vs " + Arrays.toString(actual));
    }
    compared++;
  }
}
