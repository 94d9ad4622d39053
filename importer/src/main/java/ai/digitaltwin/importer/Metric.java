package ai.digitaltwin.importer;

/**
 * The vitals of the wire contract ({@code HealthEvent}) an import can fill, by their field names, with
 * the plausible range the API's ingest checks (a value outside is a device or entry error, not a
 * patient). Units are the contract's: bpm, mmHg, percent, degrees Celsius, breaths per minute, RMSSD in
 * ms, and steps since the previous reading.
 */
public enum Metric {
  HEART_RATE("heart_rate", 20, 250),
  SYSTOLIC_BP("systolic_bp", 50, 260),
  DIASTOLIC_BP("diastolic_bp", 20, 180),
  SPO2("spo2", 50, 100),
  BODY_TEMP_C("body_temp_c", 30, 45),
  RESP_RATE("resp_rate", 3, 70),
  HRV_MS("hrv_ms", 1, 500),
  STEPS("steps", 0, 100_000);

  private final String field;
  private final double min;
  private final double max;

  Metric(String field, double min, double max) {
    this.field = field;
    this.min = min;
    this.max = max;
  }

  /** The HealthEvent field this metric fills. */
  public String field() {
    return field;
  }

  public boolean inRange(double value) {
    return Double.isFinite(value) && value >= min && value <= max;
  }

  /** The skip reason of a value outside the range, e.g. {@code heart_rate out of range 20..250}. */
  public String outOfRange() {
    return field + " out of range " + fmt(min) + ".." + fmt(max);
  }

  /** The metric of a wire field name, or null. */
  public static Metric byField(String field) {
    for (Metric m : values()) {
      if (m.field.equals(field)) {
        return m;
      }
    }
    return null;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
