package ai.digitaltwin.generator.sim;

import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;

/** Where a simulation's events go: Kafka, a list in a test, or nowhere while fast-forwarding. */
public interface Emitter {
  void health(HealthEvent event);

  /** What the simulation calls for each health reading; an emitter that encodes it directly overrides it. */
  default void health(HealthReading reading) {
    health(reading.toEvent());
  }

  void behavior(BehaviorEvent event);

  void groundTruth(GroundTruthEpisode event);

  /** Drops everything: replaying history that was already produced, to rebuild state. */
  Emitter NONE =
      new Emitter() {
        @Override
        public void health(HealthEvent event) {}

        @Override
        public void health(HealthReading reading) {}

        @Override
        public void behavior(BehaviorEvent event) {}

        @Override
        public void groundTruth(GroundTruthEpisode event) {}
      };
}
