package ai.digitaltwin.jobs.anomaly;

import ai.digitaltwin.jobs.twin.Ewma;
import ai.digitaltwin.schemas.HealthEvent;
import java.time.LocalDate;
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
    if (v.getRestingHr() != null) {
      reportedRest(state, v.getRestingHr(), ts, alerts);
    }
    if (ts > state.lastTs) {
      state.remember(v, ts);
    }
    return alerts;
  }

  /**
   * A day's resting HR as the device computed it (Apple Health's, a daily figure like the one DETECT
   * followed, Quer et al. 2021, Nat Med 27:73): judged against the person's own reported days by the
   * rule of their nights ({@link RestingNights}), apart from the nights the readings give, so that no
   * day counts twice. A day reported again, or older than the last one, is not judged again.
   */
  private static void reportedRest(DetectorState state, double bpm, long ts, List<Alert> alerts) {
    LocalDate day = Rest.local(ts, state.zoneId()).toLocalDate();
    List<Long> days = state.reported.days;
    if (!days.isEmpty() && days.get(days.size() - 1) >= day.toEpochDay()) {
      return;
    }
    Alert alert = state.reported.night(new Rest.Night(day, bpm, 0, ts), new Evidence().put("reported_by", "device"));
    if (alert != null) {
      alerts.add(alert);
    }
  }
}
