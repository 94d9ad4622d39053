package ai.digitaltwin.jobs.anomaly;

import ai.digitaltwin.jobs.twin.Ewma;
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
      Ewma hr = state.heartRate(v.activity()); // both layers read this activity's baseline: one lookup
      RestingHr.check(state, v, ts, alerts, hr);
      ClinicalChecks.check(state, v, ts, alerts, hr);
    }
    if (ts > state.lastTs) {
      state.remember(v, ts);
    }
    return alerts;
  }
}
