package ai.digitaltwin.bench.realism;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one definition of every day-level statistic, applied alike to a real wearer's minutes and to a
 * synthetic person's. Times are local; a resting minute has a heart rate and no steps in it or the 12
 * minutes before (Mishra et al. 2020's resting-HR rule); a worn day of a heart-rate recorder has a heart
 * rate in at least {@value #WORN_MINUTES} minutes.
 */
public final class DayStatistics {
  static final int LOOKBACK_MINUTES = 12;
  static final int WORN_MINUTES = 720;
  static final int MIN_RESTING_MINUTES = 120;
  /** A night's still stretch may be broken by this many moving minutes (getting up at night). */
  static final int NIGHT_BREAK_MINUTES = 3;
  static final double MIN_SLEEP_HOURS = 3;
  static final double MAX_SLEEP_HOURS = 13;

  private DayStatistics() {}

  /** The summaries of one person's days, given in date order (gaps allowed). */
  public static List<DaySummary> of(List<PersonDay> days) {
    boolean recordsHr = days.stream().anyMatch(PersonDay::hasHeartRate);
    List<DaySummary> out = new ArrayList<>(days.size());
    PersonDay previous = null;
    DaySummary previousSummary = null;
    for (PersonDay day : days) {
      PersonDay before = previous != null && previous.date().plusDays(1).equals(day.date()) ? previous : null;
      DaySummary s = summary(day, before, recordsHr);
      if (previousSummary != null && before != null) {
        s = s.withChange(s.restingHr() - previousSummary.restingHr());
      }
      out.add(s);
      previous = day;
      previousSummary = s;
    }
    return out;
  }

  static DaySummary summary(PersonDay day, PersonDay before, boolean recordsHr) {
    int worn = 0;
    for (float v : day.hr()) {
      worn += Float.isNaN(v) ? 0 : 1;
    }
    boolean wornDay = !recordsHr || worn >= WORN_MINUTES;
    if (!wornDay) {
      return new DaySummary(day.person(), day.date(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          sleepHours(day, before, recordsHr), Double.NaN);
    }
    return new DaySummary(day.person(), day.date(), restingHr(day, before), steps(day), nightDayRatio(day),
        hrStepsSlope(day), sleepHours(day, before, recordsHr), Double.NaN);
  }

  static double restingHr(PersonDay day, PersonDay before) {
    double[] resting = new double[PersonDay.MINUTES];
    int n = 0;
    int still = 0; // consecutive known zero-step minutes up to and including m
    if (before != null) {
      for (int m = PersonDay.MINUTES - LOOKBACK_MINUTES; m < PersonDay.MINUTES; m++) {
        still = before.steps()[m] == 0 ? still + 1 : 0;
      }
    }
    for (int m = 0; m < PersonDay.MINUTES; m++) {
      still = day.steps()[m] == 0 ? still + 1 : 0;
      if (still > LOOKBACK_MINUTES && !Float.isNaN(day.hr()[m])) {
        resting[n++] = day.hr()[m];
      }
    }
    return n < MIN_RESTING_MINUTES ? Double.NaN : median(Arrays.copyOf(resting, n));
  }

  static double steps(PersonDay day) {
    long sum = 0;
    for (int s : day.steps()) {
      sum += Math.max(0, s);
    }
    return sum;
  }

  static double nightDayRatio(PersonDay day) {
    double night = meanHr(day, 0, 6 * 60, 180);
    double daytime = meanHr(day, 10 * 60, 20 * 60, 300);
    return night / daytime;
  }

  static double hrStepsSlope(PersonDay day) {
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    int n = 0;
    int moving = 0;
    for (int m = 8 * 60; m < 22 * 60; m++) {
      float hr = day.hr()[m];
      int steps = day.steps()[m];
      if (Float.isNaN(hr) || steps < 0) {
        continue;
      }
      n++;
      moving += steps > 0 ? 1 : 0;
      sx += steps;
      sy += hr;
      sxx += (double) steps * steps;
      sxy += steps * (double) hr;
    }
    if (n < 300 || moving < 30) {
      return Double.NaN;
    }
    double varX = sxx - sx * sx / n;
    return varX <= 0 ? Double.NaN : (sxy - sx * sy / n) / varX;
  }

  /**
   * The night before this day: the longest stretch of known zero-step minutes from the previous day's 20:00
   * to this day's 12:00, bridging up to {@value #NIGHT_BREAK_MINUTES} moving minutes; for a heart-rate
   * recorder at least half of it with a heart rate (else the device was off, not the person asleep). A
   * stretch outside 3-13 h is taken as no wear.
   */
  static double sleepHours(PersonDay day, PersonDay before, boolean recordsHr) {
    if (before == null) {
      return Double.NaN;
    }
    int window = 16 * 60;
    int best = 0;
    int bestWithHr = 0;
    int runStart = -1;
    int lastStill = -1;
    int withHr = 0;
    for (int i = 0; i < window; i++) {
      PersonDay d = i < 4 * 60 ? before : day;
      int m = i < 4 * 60 ? 20 * 60 + i : i - 4 * 60;
      int steps = d.steps()[m];
      if (steps != 0) {
        if (steps < 0) {
          runStart = -1; // unknown minutes break a stretch
        }
        continue;
      }
      if (runStart < 0 || i - lastStill - 1 > NIGHT_BREAK_MINUTES) {
        runStart = i;
        withHr = 0;
      }
      lastStill = i;
      withHr += Float.isNaN(d.hr()[m]) ? 0 : 1;
      int length = i - runStart + 1;
      if (length > best) {
        best = length;
        bestWithHr = withHr;
      }
    }
    double hours = best / 60.0;
    if (hours < MIN_SLEEP_HOURS || hours > MAX_SLEEP_HOURS || (recordsHr && bestWithHr < best / 2)) {
      return Double.NaN;
    }
    return hours;
  }

  private static double meanHr(PersonDay day, int from, int to, int minMinutes) {
    double sum = 0;
    int n = 0;
    for (int m = from; m < to; m++) {
      if (!Float.isNaN(day.hr()[m])) {
        sum += day.hr()[m];
        n++;
      }
    }
    return n < minMinutes ? Double.NaN : sum / n;
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n == 0 ? Double.NaN : (n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
  }
}
