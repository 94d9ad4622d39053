package ai.digitaltwin.jobs.anomaly;

import java.time.ZoneId;

/**
 * Folds one twin's readings, in event-time order, into each day's night-time resting HR as {@link Rest}
 * defines it: readings are summed per minute, a minute is resting when no steps came in it or in the
 * {@link Rest#QUIET_MINUTES} before it, and a night is closed by the first reading after it. Steps may
 * come in readings of their own (a wearable's per-minute step count beside its heart-rate samples). A
 * Flink POJO in the detector's keyed state; the reference rule runs the same class.
 */
public class NightlyRest {
  /** The minute being summed, or {@link Long#MIN_VALUE} before the first reading. */
  public long minute = Long.MIN_VALUE;
  public double minuteHrSum;
  public int minuteHrCount;
  public boolean minuteSteps;
  /** The last minute with steps (or effort). */
  public long lastStepMinute = Long.MIN_VALUE;
  /** The epoch day of the night being summed, or {@link Long#MIN_VALUE} for none. */
  public long nightDay = Long.MIN_VALUE;
  public double nightSum;
  public int nightMinutes;
  /** The heart rate of a resting night minute that the last {@link #add} finished, else NaN. */
  public double finishedNightMinute = Double.NaN;
  /** How many minutes after the last step that minute came. */
  public long finishedStillMinutes;

  public NightlyRest() {}

  /**
   * One reading: {@code bpm} null when it has no heart rate, {@code effort} when it has steps or an
   * active activity; {@code zone} is the twin's, where its days and nights lie. Returns the night this
   * reading closes, or null.
   */
  public Rest.Night add(long ts, Double bpm, boolean effort, ZoneId zone) {
    long m = Rest.minute(ts);
    Rest.Night closed = null;
    finishedNightMinute = Double.NaN;
    if (m < minute) {
      return null; // out of order: the minute it belongs to is summed already
    }
    if (m > minute) {
      finishMinute(zone);
      closed = closeNight(m, ts, zone);
      minute = m;
      minuteHrSum = 0;
      minuteHrCount = 0;
      minuteSteps = false;
    }
    if (bpm != null) {
      minuteHrSum += bpm;
      minuteHrCount++;
    }
    if (effort) {
      minuteSteps = true;
    }
    return closed;
  }

  private void finishMinute(ZoneId zone) {
    if (minute == Long.MIN_VALUE) {
      return;
    }
    if (minuteSteps) {
      lastStepMinute = minute;
      return;
    }
    boolean resting = minuteHrCount > 0 && (lastStepMinute == Long.MIN_VALUE || minute - lastStepMinute > Rest.QUIET_MINUTES);
    if (resting && Rest.night(minute, zone)) {
      long day = Rest.day(minute, zone).toEpochDay();
      if (day != nightDay) {
        nightDay = day;
        nightSum = 0;
        nightMinutes = 0;
      }
      finishedNightMinute = minuteHrSum / minuteHrCount;
      finishedStillMinutes = lastStepMinute == Long.MIN_VALUE ? Long.MAX_VALUE : minute - lastStepMinute;
      nightSum += finishedNightMinute;
      nightMinutes++;
    }
  }

  /** Closes the night summed so far once {@code next} lies outside it. */
  private Rest.Night closeNight(long next, long ts, ZoneId zone) {
    if (nightDay == Long.MIN_VALUE) {
      return null;
    }
    if (Rest.night(next, zone) && Rest.day(next, zone).toEpochDay() == nightDay) {
      return null;
    }
    Rest.Night night = nightMinutes >= Rest.NIGHT_MINUTES
        ? new Rest.Night(java.time.LocalDate.ofEpochDay(nightDay), nightSum / nightMinutes, nightMinutes, ts)
        : null;
    nightDay = Long.MIN_VALUE;
    nightSum = 0;
    nightMinutes = 0;
    return night;
  }
}
