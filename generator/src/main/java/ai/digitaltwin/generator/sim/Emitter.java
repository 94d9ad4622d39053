package ai.digitaltwin.generator.sim;

import ai.digitaltwin.generator.vitals.Reading;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;

/** Where a simulation's events go: Kafka, a list in a test, or nowhere while fast-forwarding. */
public interface Emitter {
  void health(HealthEvent event);

  /**
   * What the simulation calls for each health reading. The reading is filled again next tick: an emitter
   * that keeps it keeps a {@link Reading#copy()}.
   */
  default void health(Reading reading) {
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
        public void health(Reading reading) {}

        @Override
        public void behavior(BehaviorEvent event) {}

        @Override
        public void groundTruth(GroundTruthEpisode event) {}
      };
}
