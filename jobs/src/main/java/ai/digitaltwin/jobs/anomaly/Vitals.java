package ai.digitaltwin.jobs.anomaly;

import ai.digitaltwin.schemas.HealthEvent;

/** A reading's vitals with NaN read as missing, as a device that lost contact reports them. */
record Vitals(
    Double heartRate,
    Double systolic,
    Double diastolic,
    Double spo2,
    Double temp,
    Double resp,
    Double hrv,
    int steps,
    String activity) {

  static Vitals of(HealthEvent e) {
    return new Vitals(
        clean(e.getHeartRate()),
        clean(e.getSystolicBp()),
        clean(e.getDiastolicBp()),
        clean(e.getSpo2()),
        clean(e.getBodyTempC()),
        clean(e.getRespRate()),
        clean(e.getHrvMs()),
        e.getSteps(),
        e.getActivity() == null ? "unknown" : e.getActivity());
  }

  /**
   * True when the reading says what the person was doing. Wearables and their exports do not (heart-rate
   * samples every few seconds while worn, steps per minute, gaps while charging); a simulated monitor
   * does, and reads continuously.
   */
  boolean labelled() {
    return !"unknown".equals(activity);
  }

  boolean allMissing() {
    return heartRate == null && systolic == null && spo2 == null && temp == null;
  }

  News2 news2() {
    return News2.of(heartRate, spo2, resp, systolic, temp);
  }

  Evidence evidence() {
    return new Evidence()
        .put("heart_rate", heartRate)
        .put("systolic_bp", systolic)
        .put("spo2", spo2)
        .put("body_temp_c", temp)
        .put("resp_rate", resp)
        .put("activity", activity);
  }

  private static Double clean(Double value) {
    return value == null || value.isNaN() ? null : value;
  }
}
