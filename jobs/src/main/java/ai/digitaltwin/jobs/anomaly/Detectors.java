package ai.digitaltwin.jobs.anomaly;

import ai.digitaltwin.jobs.twin.Ewma;
import ai.digitaltwin.schemas.HealthEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The three layers over one reading, in order: sensor faults (a faulty value is not evidence about
 * the person), the personal resting-HR baseline, then clinical bands (which also update the baselines).
 * A reading without an activity ({@link Readings#labelled}) is a wearable's record: its resting HR is
 * judged night by night ({@link RestingNights}), since nothing says whether the person sits or sleeps.
 */
final class Detectors {
  private Detectors() {}

  static List<Alert> evaluate(DetectorState state, HealthEvent event, long ts) {
    HealthEvent v = Readings.clean(event);
    List<Alert> alerts = new ArrayList<>(1);
    boolean untrusted = SensorChecks.check(state, v, ts, alerts);
    if (!Readings.labelled(v)) {
      // a wearable's record: steps-only readings and faulty values still mark the minute's effort
      RestingHr.nightly(state, v.getSteps() > 0, untrusted ? null : v.getHeartRate(), ts, alerts);
    }
    if (!untrusted) {
      Ewma hr = state.heartRate(v.getActivity()); // both layers read this activity's baseline: one lookup
      RestingHr.check(state, v, ts, alerts, hr);
      ClinicalChecks.check(state, v, ts, alerts, hr);
    }
    if (ts > state.lastTs) {
      state.remember(v, ts);
    }
    return alerts;
  }
}
