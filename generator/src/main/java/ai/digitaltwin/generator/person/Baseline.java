package ai.digitaltwin.generator.person;

/**
 * A person's healthy vitals at rest, awake, and their sleep habits. Everything the simulation does to
 * vitals is relative to these.
 *
 * @param fitness 0..1, lowers resting HR and the HR lift of effort, raises HRV
 * @param wakeHour usual wake-up time, hours after local midnight on a weekday
 * @param activeness how much this person walks, a multiplier of every activity's steps (1 = typical)
 */
public record Baseline(
    double restingHr,
    double systolic,
    double diastolic,
    double spo2,
    double bodyTempC,
    double respRate,
    double hrvMs,
    double sleepHours,
    double wakeHour,
    double fitness,
    double activeness) {}
