package ai.digitaltwin.jobs.anomaly;

import ai.digitaltwin.schemas.HealthEvent;

/**
 * What the detectors ask of a {@link HealthEvent}, read from its own fields: a device that lost contact
 * may report NaN, read as missing, and a reading without an activity is a wearable's record.
 */
final class Readings {
  /** The activity of a reading that says none. */
  static final String UNKNOWN = "unknown";

  private Readings() {}

  /**
   * The reading as the detectors read it: NaN vitals missing, a missing activity {@value #UNKNOWN}. The
   * event itself when it has neither (almost always), else a copy: the event goes on to the tables as it
   * came.
   */
  static HealthEvent clean(HealthEvent e) {
    if (e.getActivity() != null && !hasNaN(e)) {
      return e;
    }
    HealthEvent c = HealthEvent.newBuilder(e).build();
    c.setHeartRate(clean(e.getHeartRate()));
    c.setSystolicBp(clean(e.getSystolicBp()));
    c.setDiastolicBp(clean(e.getDiastolicBp()));
    c.setSpo2(clean(e.getSpo2()));
    c.setBodyTempC(clean(e.getBodyTempC()));
    c.setRespRate(clean(e.getRespRate()));
    c.setHrvMs(clean(e.getHrvMs()));
    c.setActivity(e.getActivity() == null ? UNKNOWN : e.getActivity());
    return c;
  }

  /**
   * True when the reading says what the person was doing. Wearables and their exports do not (heart-rate
   * samples every few seconds while worn, steps per minute, gaps while charging); a simulated monitor
   * does, and reads continuously.
   */
  static boolean labelled(HealthEvent e) {
    return !UNKNOWN.equals(e.getActivity());
  }

  static boolean allMissing(HealthEvent e) {
    return e.getHeartRate() == null && e.getSystolicBp() == null && e.getSpo2() == null && e.getBodyTempC() == null;
  }

  static News2 news2(HealthEvent e) {
    return News2.of(e.getHeartRate(), e.getSpo2(), e.getRespRate(), e.getSystolicBp(), e.getBodyTempC());
  }

  static Evidence evidence(HealthEvent e) {
    return new Evidence()
        .put("heart_rate", e.getHeartRate())
        .put("systolic_bp", e.getSystolicBp())
        .put("spo2", e.getSpo2())
        .put("body_temp_c", e.getBodyTempC())
        .put("resp_rate", e.getRespRate())
        .put("activity", e.getActivity());
  }

  private static boolean hasNaN(HealthEvent e) {
    return isNaN(e.getHeartRate()) || isNaN(e.getSystolicBp()) || isNaN(e.getDiastolicBp()) || isNaN(e.getSpo2())
        || isNaN(e.getBodyTempC()) || isNaN(e.getRespRate()) || isNaN(e.getHrvMs());
  }

  private static boolean isNaN(Double value) {
    return value != null && value.isNaN();
  }

  private static Double clean(Double value) {
    return isNaN(value) ? null : value;
  }
}
