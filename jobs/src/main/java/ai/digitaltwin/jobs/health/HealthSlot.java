package ai.digitaltwin.jobs.health;

import ai.digitaltwin.jobs.anomaly.DetectorState;
import ai.digitaltwin.jobs.twin.SeenIds;

/**
 * Everything {@link HealthSteps} keeps for one twin, as one keyed value (a Flink POJO): the recent
 * reading ids of the de-duplication and the detectors' state, read once and written once per reading.
 */
public class HealthSlot {
  public SeenIds seen = new SeenIds();
  public DetectorState detector = new DetectorState();

  public HealthSlot() {}
}
