package ai.digitaltwin.jobs.anomaly;

import ai.digitaltwin.schemas.HealthEvent;

/**
 * What the detectors ask of a {@link HealthEvent}, read from its own fields: a device that lost contact
 * may report NaN, read as missing, and a reading without an activity is a wearable's record.
 */
final class Readings {
  /** The activity of a reading that says none. */
  static final String UNKNOWN = "unknown";

  private static final int FIELDS = HealthEvent.getClassSchema().getFields().size();

  private Readings() {}

  /**
   * The reading as the detectors read it: NaN vitals missing, a missing activity {@value #UNKNOWN}. The
   * event itself when it has neither, else a copy, field by field of the schema (a wearable's readings
   * say no activity): the event goes on to the tables as it came.
   */
  static HealthEvent clean(HealthEvent e) {
    if (e.getActivity() != null && !hasNaN(e)) {
      return e;
    }
    HealthEvent c = new HealthEvent();
    for (int i = 0; i < FIELDS; i++) {
      Object value = e.get(i);
      c.put(i, value instanceof Double d && d.isNaN() ? null : value);
    }
    if (c.getActivity() == null) {
      c.setActivity(UNKNOWN);
    }
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
    for (int i = 0; i < FIELDS; i++) {
      if (e.get(i) instanceof Double d && d.isNaN()) {
        return true;
      }
    }
    return false;
  }
}
