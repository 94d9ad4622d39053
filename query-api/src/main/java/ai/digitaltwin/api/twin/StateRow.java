package ai.digitaltwin.api.twin;

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
    implements CurrentState {}
