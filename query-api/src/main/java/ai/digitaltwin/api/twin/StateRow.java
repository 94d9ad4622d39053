package ai.digitaltwin.api.twin;

import ai.digitaltwin.api.history.Row;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One {@code twin_state} row, every column in table order: what the stream job knew of a twin at
 * {@code ts} (ISO-8601 text). Written out flat, as the table has it (the traits are columns there too).
 * {@code activity_mix} and {@code routine} are the JSON text the job wrote, passed on as text.
 */
public record StateRow(
    String eventId,
    String twinId,
    String ts,
    Long readings,
    Double heartRate,
    Double spo2,
    Double systolicBp,
    Double bodyTempC,
    Double hrBaseline,
    Double hrBaselineSd,
    Double restingHr,
    Double baselineConfidence,
    String activity,
    String mood,
    Double moodScore,
    Double stress,
    Double energy,
    String status,
    @JsonUnwrapped Traits traits,
    String driftCause,
    Double restingHrDay,
    Long stepsToday,
    Double sleepHours,
    Double sleepRegularity,
    String activityMix,
    String routine,
    Double chatSentiment)
    implements CurrentState {
  public static StateRow of(Row row) {
    return new StateRow(
        row.text("event_id"),
        row.text("twin_id"),
        row.text("ts"),
        row.whole("readings"),
        row.decimal("heart_rate"),
        row.decimal("spo2"),
        row.decimal("systolic_bp"),
        row.decimal("body_temp_c"),
        row.decimal("hr_baseline"),
        row.decimal("hr_baseline_sd"),
        row.decimal("resting_hr"),
        row.decimal("baseline_confidence"),
        row.text("activity"),
        row.text("mood"),
        row.decimal("mood_score"),
        row.decimal("stress"),
        row.decimal("energy"),
        row.text("status"),
        Traits.of(row),
        row.text("drift_cause"),
        row.decimal("resting_hr_day"),
        row.whole("steps_today"),
        row.decimal("sleep_hours"),
        row.decimal("sleep_regularity"),
        row.text("activity_mix"),
        row.text("routine"),
        row.decimal("chat_sentiment"));
  }
}
