package ai.digitaltwin.jobs.anomaly;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * What resting heart rate, a day and local time mean for a wearable's readings, defined once: the
 * detector ({@link NightlyRest}, {@link RestingHr}) and the reference rule it is scored beside use these
 * and nothing else.
 *
 * <ul>
 *   <li><b>Resting minute</b>: a minute with heart rate and no steps in it nor in the {@link #QUIET_MINUTES}
 *       before it (Mishra et al. 2020, Nat Biomed Eng 4:1208, and Bogu &amp; Snyder's LAAD, medRxiv
 *       10.1101/2021.01.08.21249474: heart rate is only resting 12 minutes after the last step). Its heart
 *       rate is the mean of the minute's samples (a Fitbit samples every 5–15 s while worn).
 *   <li><b>Local time</b>: the reading's instant in the twin's zone (its profile's {@code timezone}, which
 *       the stream job's health step takes from the registry; {@link #UTC} for a twin without one).
 *   <li><b>A day</b>: a local calendar date. Its <b>night</b> is local 00:00–07:00 of that date, the
 *       overnight window of Alavi et al. 2022 (Nat Med 28:175, NightSignal), asleep for most people and
 *       the cleanest rest there is: no posture changes, meals or coffee.
 *   <li><b>A day's night-time resting HR</b>: the mean of the night's resting minutes, when there are at
 *       least {@link #NIGHT_MINUTES} of them (an hour of sleep worn); otherwise the day has none.
 * </ul>
 */
public final class Rest {
  public static final int QUIET_MINUTES = 12;
  public static final int NIGHT_FROM_HOUR = 0;
  public static final int NIGHT_UNTIL_HOUR = 7;
  public static final int NIGHT_MINUTES = 60;
  static final long MINUTE = Duration.ofMinutes(1).toMillis();

  private Rest() {}

  /**
   * The zone of a twin without one. An import of naive local times into such a twin reads them as UTC
   * (the Stanford files' wall clock), so its nights are still the person's own.
   */
  public static final ZoneId UTC = ZoneId.of("UTC");

  public static long minute(long ts) {
    return Math.floorDiv(ts, MINUTE);
  }

  public static LocalDateTime local(long ts, ZoneId zone) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(ts), zone);
  }

  /** The local day a minute belongs to. */
  public static LocalDate day(long minute, ZoneId zone) {
    return local(minute * MINUTE, zone).toLocalDate();
  }

  /** True when the minute lies in its local day's night. */
  public static boolean night(long minute, ZoneId zone) {
    int hour = local(minute * MINUTE, zone).getHour();
    return hour >= NIGHT_FROM_HOUR && hour < NIGHT_UNTIL_HOUR;
  }

  /** A day's night-time resting HR. */
  public record Night(LocalDate day, double restingHr, int minutes, long closedAt) {}
}
