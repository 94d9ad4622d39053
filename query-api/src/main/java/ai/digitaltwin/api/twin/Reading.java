package ai.digitaltwin.api.twin;

import ai.digitaltwin.api.history.Row;

/**
 * One health reading as the twin endpoints show it: the vitals of a {@code health_events} row, without
 * its ids ({@code ts} is ISO-8601 text).
 */
public record Reading(
    String ts,
    Double heartRate,
    Double systolicBp,
    Double diastolicBp,
    Double spo2,
    Double bodyTempC,
    Double respRate,
    Double hrvMs,
    Integer steps,
    Double stress,
    Double energy,
    String activity,
    String source) {
  /** The columns, in table order, that {@link #of} reads. */
  public static final String COLUMNS =
      "ts, heart_rate, systolic_bp, diastolic_bp, spo2, body_temp_c, resp_rate, hrv_ms, steps, stress, energy,"
          + " activity, source";

  public static Reading of(Row row) {
    return new Reading(
        row.text("ts"), row.decimal("heart_rate"), row.decimal("systolic_bp"), row.decimal("diastolic_bp"),
        row.decimal("spo2"), row.decimal("body_temp_c"), row.decimal("resp_rate"), row.decimal("hrv_ms"),
        row.integer("steps"), row.decimal("stress"), row.decimal("energy"), row.text("activity"), row.text("source"));
  }
}
