package ai.digitaltwin.bench.realism;

import java.time.LocalDate;

/**
 * The day-level statistics of one person-day ({@link DayStatistics} computes them from minutes; a daily
 * export such as Welltory's gives only some). NaN where not derivable.
 *
 * @param restingHr median heart rate over the day's resting minutes (no steps in the preceding 12 minutes)
 * @param steps steps of the day
 * @param nightDayRatio mean heart rate 00:00-06:00 over mean heart rate 10:00-20:00
 * @param hrStepsSlope least-squares slope of minute heart rate on minute steps, 08:00-22:00, bpm per step/min
 * @param sleepHours the night ending this morning: longest still stretch between 20:00 and 12:00
 * @param restingHrChange resting HR minus the previous day's (NaN without a previous day)
 */
public record DaySummary(String person, LocalDate date, double restingHr, double steps, double nightDayRatio,
    double hrStepsSlope, double sleepHours, double restingHrChange) {

  public DaySummary withChange(double change) {
    return new DaySummary(person, date, restingHr, steps, nightDayRatio, hrStepsSlope, sleepHours, change);
  }
}
