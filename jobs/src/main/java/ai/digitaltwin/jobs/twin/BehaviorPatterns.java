package ai.digitaltwin.jobs.twin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

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
    (clock.weekend() ? weekendHours : weekdayHours).computeIfAbsent(activity, a -> new long[24])[clock.hour()]++;
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
    StringBuilder json = new StringBuilder("{");
    for (Map.Entry<String, Double> e : new TreeMap<>(minutes).entrySet()) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append('"').append(e.getKey()).append("\":");
      appendShare(json, e.getValue() / total);
    }
    return json.append('}').toString();
  }

  /**
   * {@code share} (0 to 1) to three decimals as {@code BigDecimal.valueOf(share).setScale(3, HALF_UP)}
   * writes it, without building one: that decimal lies within 1e-13 of {@code share * 1000}, so unless
   * the product is that close to a tie (then BigDecimal decides) rounding the product gives the same
   * thousandths.
   */
  static void appendShare(StringBuilder json, double share) {
    double thousandths = share * 1000;
    double fraction = thousandths - Math.floor(thousandths);
    if (!(share >= 0 && share <= 1) || Math.abs(fraction - 0.5) < 1e-9) {
      json.append(BigDecimal.valueOf(share).setScale(3, RoundingMode.HALF_UP).toPlainString());
      return;
    }
    long k = (long) Math.floor(thousandths + 0.5);
    json.append(k / 1000).append('.');
    long rest = k % 1000;
    if (rest < 100) {
      json.append('0');
    }
    if (rest < 10) {
      json.append('0');
    }
    json.append(rest);
  }

  public String routine() {
    if (weekdayHours.isEmpty() && weekendHours.isEmpty()) {
      return null;
    }
    return "{\"weekday\":" + usual(weekdayHours) + ",\"weekend\":" + usual(weekendHours) + "}";
  }

  /** The most frequent activity of each hour, by name on a tie; one pass over the names per hour. */
  private static String usual(Map<String, long[]> hours) {
    String[] names = hours.keySet().toArray(new String[0]);
    Arrays.sort(names); // ties go to the first name
    long[][] counts = new long[names.length][];
    for (int i = 0; i < names.length; i++) {
      counts[i] = hours.get(names[i]);
    }
    StringBuilder json = new StringBuilder(24 * 12).append('[');
    for (int h = 0; h < 24; h++) {
      int best = -1;
      long most = 0;
      for (int i = 0; i < names.length; i++) {
        if (counts[i][h] > most) {
          most = counts[i][h];
          best = i;
        }
      }
      if (h > 0) {
        json.append(',');
      }
      if (best < 0) {
        json.append("null");
      } else {
        json.append('"').append(names[best]).append('"');
      }
    }
    return json.append(']').toString();
  }
}
