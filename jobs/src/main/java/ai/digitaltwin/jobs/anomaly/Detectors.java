package ai.digitaltwin.jobs.anomaly;

import ai.digitaltwin.schemas.HealthEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The three layers over one reading, in order: sensor faults (a faulty value is not evidence about
 * the person), the personal resting-HR baseline, then clinical bands (which also update the baselines).
 */
public final class Detectors {
  private Detectors() {}

  public static List<Alert> evaluate(DetectorState state, HealthEvent event, long ts) {
    Vitals v = Vitals.of(event);
    List<Alert> alerts = new ArrayList<>(1);
    boolean untrusted = SensorChecks.check(state, v, ts, alerts);
    if (!untrusted) {
      RestingHr.check(state, v, ts, alerts);
      ClinicalChecks.check(state, v, ts, alerts);
    }
    if (ts > state.lastTs) {
      state.remember(v, ts);
    }
    return alerts;
  }
}
