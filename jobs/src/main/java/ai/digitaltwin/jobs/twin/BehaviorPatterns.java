package ai.digitaltwin.jobs.twin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * How the person spends time: activity mix (minutes per activity, fading by 10 % a day so recent weeks
 * weigh most), the usual activity per local hour on weekdays and weekends, steps today, and sleep length
 * and regularity (spread of the time of falling asleep).
 */
public class BehaviorPatterns {
  static final double DAILY_FADE = 0.9;
  /** A reading stands for the time since the previous one, at most this many minutes (gaps are not activity). */
  static final double MAX_MINUTES_PER_READING = 5;

  public Map<String, Double> minutes = new HashMap<>();
  public Map<String, long[]> weekdayHours = new HashMap<>();
  public Map<String, long[]> weekendHours = new HashMap<>();
  public long stepsToday;
  public double socialMinutesToday;
  public long lastReadingTs = Long.MIN_VALUE;
  public long sleepStart = Long.MIN_VALUE;
  public Double lastSleepHours;
  public Ewma sleepOnset = new Ewma();
  /**
   * The routine's JSON and the usual activity of each hour it was built from, kept between snapshots
   * (not in Flink state: rebuilt after a restore) and built again only when a reading makes another
   * activity the usual one of its hour.
   */
  private transient String routine;
  private transient String[] usualWeekday;
  private transient String[] usualWeekend;
  /** The names of {@link #minutes} in order, kept between snapshots: an activity, once counted, stays. */
  private transient String[] mixNames;

  public BehaviorPatterns() {}

  public void newDay() {
    minutes.replaceAll((activity, m) -> m * DAILY_FADE);
    stepsToday = 0;
    socialMinutesToday = 0;
  }

  public void addReading(String activity, int steps, long ts, LocalClock clock) {
    stepsToday += steps;
    if (ts <= lastReadingTs) {
      return; // a late reading: its time was already counted for the activity then
    }
    double span = lastReadingTs == Long.MIN_VALUE ? 1 : Math.min(MAX_MINUTES_PER_READING, (ts - lastReadingTs) / 60_000.0);
    lastReadingTs = ts;
    if (activity == null) {
      return;
    }
    minutes.merge(activity, span, Double::sum);
    if (activity.equals("social")) {
      socialMinutesToday += span;
    }
    Map<String, long[]> hours = clock.weekend() ? weekendHours : weekdayHours;
    long[] counts = hours.computeIfAbsent(activity, a -> new long[24]);
    int hour = clock.hour();
    counts[hour]++;
    if (routine != null) {
      String usual = (hours == weekendHours ? usualWeekend : usualWeekday)[hour];
      if (usual == null || !usual.equals(activity) && outranks(activity, counts[hour], usual, hours.get(usual)[hour])) {
        routine = null;
      }
    }
  }

  /** The more frequent activity is the usual one; on a tie, the first by name (as {@link #usual} picks). */
  private static boolean outranks(String activity, long count, String usual, long usualCount) {
    return count > usualCount || count == usualCount && activity.compareTo(usual) < 0;
  }

  /** A transition: into sleep starts the clock, out of sleep records its length. */
  public void transition(String activity, String previous, long ts, ZoneId zone) {
    if ("sleep".equals(activity)) {
      sleepStart = ts;
      ZonedDateTime local = Instant.ofEpochMilli(ts).atZone(zone);
      double minutesAfterNoon = ((local.getHour() + 12) % 24) * 60 + local.getMinute(); // 23:00 → 660: no midnight wrap
      sleepOnset.add(minutesAfterNoon, 1.0 / 14);
    } else if ("sleep".equals(previous) && sleepStart != Long.MIN_VALUE && ts > sleepStart) {
      double hours = (ts - sleepStart) / 3_600_000.0;
      if (hours >= 1) {
        lastSleepHours = Math.round(hours * 100) / 100.0;
      }
      sleepStart = Long.MIN_VALUE;
    }
  }

  /** 1 when sleep starts at the same time every night, 0 at a spread of three hours or more. */
  public Double sleepRegularity() {
    if (sleepOnset.count < 3) {
      return null;
    }
    return Math.round(Math.max(0, 1 - sleepOnset.sd() / 180) * 1000) / 1000.0;
  }

  /** Share of each activity, by name, to three decimals (rounded half up, as {@code %.3f} would). */
  public String activityMix() {
    double total = 0;
    for (double m : minutes.values()) {
      total += m;
    }
    if (total <= 0) {
      return null;
    }
    if (mixNames == null || mixNames.length != minutes.size()) {
      mixNames = minutes.keySet().toArray(new String[0]);
      Arrays.sort(mixNames);
    }
    StringBuilder json = new StringBuilder(20 * mixNames.length + 2).append('{');
    for (String activity : mixNames) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append('"').append(activity).append("\":");
      HalfUp.append(json, minutes.get(activity) / total, 3);
    }
    return json.append('}').toString();
  }

  public String routine() {
    if (weekdayHours.isEmpty() && weekendHours.isEmpty()) {
      return null;
    }
    if (routine == null) {
      usualWeekday = usual(weekdayHours);
      usualWeekend = usual(weekendHours);
      routine = "{\"weekday\":" + json(usualWeekday) + ",\"weekend\":" + json(usualWeekend) + "}";
    }
    return routine;
  }

  /** The most frequent activity of each hour, by name on a tie; one pass over the names per hour. */
  private static String[] usual(Map<String, long[]> hours) {
    String[] names = hours.keySet().toArray(new String[0]);
    Arrays.sort(names); // ties go to the first name
    long[][] counts = new long[names.length][];
    for (int i = 0; i < names.length; i++) {
      counts[i] = hours.get(names[i]);
    }
    String[] usual = new String[24];
    for (int h = 0; h < 24; h++) {
      long most = 0;
      for (int i = 0; i < names.length; i++) {
        if (counts[i][h] > most) {
          most = counts[i][h];
          usual[h] = names[i];
        }
      }
    }
    return usual;
  }

  private static String json(String[] usual) {
    StringBuilder json = new StringBuilder(24 * 12).append('[');
    for (String activity : usual) {
      if (json.length() > 1) {
        json.append(',');
      }
      if (activity == null) {
        json.append("null");
      } else {
        json.append('"').append(activity).append('"');
      }
    }
    return json.append(']').toString();
  }
}
