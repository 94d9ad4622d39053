package ai.digitaltwin.importer;

import ai.digitaltwin.schemas.VitalFields;
import ai.digitaltwin.schemas.VitalFields.Vital;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A vital of the wire contract ({@code HealthEvent}) an import can fill, by its field name: one per field
 * with a range in the schema ({@link VitalFields}), with that range and unit. Units are the contract's:
 * bpm, mmHg, percent, degrees Celsius, breaths per minute, RMSSD in ms, and steps since the previous
 * reading. One instance per field, so metrics compare with {@code ==}.
 */
public final class Metric {
  private static final Map<String, Metric> BY_FIELD = new LinkedHashMap<>();

  static {
    VitalFields.health().values().forEach(v -> BY_FIELD.put(v.name(), new Metric(v)));
  }

  public static final Metric HEART_RATE = of("heart_rate");
  public static final Metric SYSTOLIC_BP = of("systolic_bp");
  public static final Metric DIASTOLIC_BP = of("diastolic_bp");
  public static final Metric SPO2 = of("spo2");
  public static final Metric BODY_TEMP_C = of("body_temp_c");
  public static final Metric RESP_RATE = of("resp_rate");
  public static final Metric HRV_MS = of("hrv_ms");
  public static final Metric STEPS = of("steps");

  private final Vital vital;

  private Metric(Vital vital) {
    this.vital = vital;
  }

  /** The metric of a vital of the schema; a field that is none is a mistake of the caller. */
  public static Metric of(String field) {
    Metric metric = byField(field);
    if (metric == null) {
      throw new IllegalArgumentException("HealthEvent has no vital " + field);
    }
    return metric;
  }

  /** The metric of a wire field name, or null. */
  public static Metric byField(String field) {
    return BY_FIELD.get(field);
  }

  /** The HealthEvent field this metric fills. */
  public String field() {
    return vital.name();
  }

  /** The unit of its values in the contract ({@code count/min}, {@code degC}, ...; empty for a score). */
  public String unit() {
    return vital.unit();
  }

  /** Whether its values are whole numbers (steps). */
  public boolean whole() {
    return vital.whole();
  }

  public boolean inRange(double value) {
    return vital.inRange(value);
  }

  /** The skip reason of a value outside the range, e.g. {@code heart_rate out of range 20..250}. */
  public String outOfRange() {
    return field() + " out of range " + vital.range();
  }

  @Override
  public String toString() {
    return field();
  }
}
