package ai.digitaltwin.bench.producer;

import ai.digitaltwin.generator.GeneratorConfig;
import ai.digitaltwin.generator.sim.DemoTwins;
import ai.digitaltwin.generator.sim.Emitter;
import ai.digitaltwin.generator.sim.SimSettings;
import ai.digitaltwin.generator.sim.Simulation;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Topics;
import java.time.Instant;

/** Mean size (value plus twin-id key) of what the generator sends, from a day of 50 of its twins. */
final class RecordSize {
  private RecordSize() {}

  static int mean(Instant start) {
    long[] bytes = new long[2];
    Emitter measure = new Emitter() {
      @Override
      public void health(HealthEvent e) {
        add(Topics.HEALTH.codec().encode(e).length + e.getTwinId().length());
      }

      @Override
      public void behavior(BehaviorEvent e) {
        add(Topics.BEHAVIOR.codec().encode(e).length + e.getTwinId().length());
      }

      @Override
      public void groundTruth(GroundTruthEpisode e) {
        add(Topics.GROUND_TRUTH.codec().encode(e).length + e.getTwinId().length());
      }

      private void add(int n) {
        bytes[0] += n;
        bytes[1]++;
      }
    };
    GeneratorConfig defaults = GeneratorConfig.defaults();
    Simulation sim = new Simulation(new SimSettings(defaults.seed(), start.toEpochMilli(), defaults.intervalSeconds(),
        defaults.anomalyRate(), 0, 0, defaults.behaviorStepTicks()));
    DemoTwins.created(50, defaults.seed(), start.toEpochMilli()).forEach(sim::apply);
    for (long t = 0; t < 86_400 / defaults.intervalSeconds(); t++) {
      sim.step(t, measure);
    }
    return (int) Math.round((double) bytes[0] / bytes[1]);
  }
}
