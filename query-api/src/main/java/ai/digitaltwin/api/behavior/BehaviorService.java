package ai.digitaltwin.api.behavior;

import ai.digitaltwin.api.history.Row;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.http.Window;
import ai.digitaltwin.schemas.Tables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a twin does: each behaviour event's activity lasts until the next event (capped at three hours,
 * so a gap in the data is not read as a very long activity). From those spans: the share of time per
 * activity by hour of day and by weekday, hours slept per night (a night is named by the evening's
 * date), and steps per day from the health readings.
 */
public final class BehaviorService {
  static final String SPANS =
      "WITH e AS (SELECT ts, activity, lead(ts) OVER (ORDER BY ts) AS next_ts FROM " + Tables.BEHAVIOR_EVENTS
          + " WHERE twin_id = ? AND ts >= ? AND ts < ?),"
          + " d AS (SELECT ts, activity, least(epoch(next_ts) - epoch(ts), 10800) / 60.0 AS minutes"
          + " FROM e WHERE next_ts IS NOT NULL) ";

  static final String BY_HOUR =
      SPANS + "SELECT hour(ts) AS slot, activity, sum(minutes) AS minutes FROM d GROUP BY ALL ORDER BY ALL";
  static final String BY_WEEKDAY =
      SPANS + "SELECT isodow(ts) AS slot, activity, sum(minutes) AS minutes FROM d GROUP BY ALL ORDER BY ALL";
  static final String SLEEP =
      SPANS + "SELECT CAST(ts - INTERVAL 12 HOUR AS DATE) AS night, round(sum(minutes) / 60.0, 2) AS hours"
          + " FROM d WHERE activity = 'sleep' GROUP BY 1 ORDER BY 1";
  static final String TOTALS =
      SPANS + "SELECT activity, round(sum(minutes), 1) AS minutes FROM d GROUP BY 1 ORDER BY 2 DESC";
  static final String STEPS =
      "SELECT CAST(ts AS DATE) AS day, sum(steps) AS steps FROM " + Tables.HEALTH_EVENTS
          + " WHERE twin_id = ? AND ts >= ? AND ts < ? GROUP BY 1 ORDER BY 1";

  static final String[] WEEKDAYS = {"", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

  private final TwinHistory history;

  public BehaviorService(TwinHistory history) {
    this.history = history;
  }

  /**
   * The body of {@code GET /twins/{id}/behavior}: minutes per activity, the mix per hour of day and per
   * weekday, sleep per night and steps per day with their means (null without any).
   */
  public record Behavior(
      String twinId,
      String from,
      String to,
      List<ActivityMinutes> activityMinutes,
      List<HourMix> byHour,
      List<WeekdayMix> byWeekday,
      List<Night> sleep,
      Double sleepHoursMean,
      List<DaySteps> steps,
      Double stepsPerDayMean) {}

  public record ActivityMinutes(String activity, Double minutes) {}

  /**
   * The observed minutes of an hour of day (0-23, UTC) and the share of them per activity (activity to
   * share, alphabetical: the activities are whatever the events name).
   */
  public record HourMix(int hour, double minutes, Map<String, Double> mix) {}

  /** As {@link HourMix}, for a weekday (monday to sunday). */
  public record WeekdayMix(String weekday, double minutes, Map<String, Double> mix) {}

  /** A night, named by its evening's date, and the hours slept in it. */
  public record Night(String night, Double hours) {}

  public record DaySteps(String day, Long steps) {}

  /** One slot's minutes per activity, from {@link #BY_HOUR} or {@link #BY_WEEKDAY}. */
  private record SlotMinutes(int slot, String activity, double minutes) {
    static SlotMinutes of(Row row) {
      return new SlotMinutes(row.integer("slot"), row.text("activity"), row.decimal("minutes"));
    }
  }

  public Behavior behavior(String twinId, Window window) {
    List<Object> params = List.of(twinId, window.fromParam(), window.toParam());
    List<Night> sleep = history.query(SLEEP, params).map(r -> new Night(r.text("night"), r.decimal("hours")));
    List<DaySteps> steps = history.query(STEPS, params).map(r -> new DaySteps(r.text("day"), r.whole("steps")));
    return new Behavior(
        twinId,
        window.from().toString(),
        window.to().toString(),
        history.query(TOTALS, params).map(r -> new ActivityMinutes(r.text("activity"), r.decimal("minutes"))),
        shares(history.query(BY_HOUR, params).map(SlotMinutes::of), (hour, minutes, mix) -> new HourMix(hour, minutes, mix)),
        shares(history.query(BY_WEEKDAY, params).map(SlotMinutes::of),
            (day, minutes, mix) -> new WeekdayMix(WEEKDAYS[day], minutes, mix)),
        sleep,
        mean(sleep.stream().map(Night::hours).toList()),
        steps,
        mean(steps.stream().map(DaySteps::steps).toList()));
  }

  /** How a slot's total and mix are written out. */
  private interface Slot<T> {
    T of(int slot, double minutes, Map<String, Double> mix);
  }

  /** Per slot, in slot order: the share of that slot's observed time spent in each activity. */
  private static <T> List<T> shares(List<SlotMinutes> rows, Slot<T> slot) {
    Map<Integer, Map<String, Double>> bySlot = new TreeMap<>();
    for (SlotMinutes row : rows) {
      bySlot.computeIfAbsent(row.slot(), s -> new TreeMap<>()).merge(row.activity(), row.minutes(), Double::sum);
    }
    List<T> out = new ArrayList<>();
    bySlot.forEach((at, minutes) -> {
      double total = minutes.values().stream().mapToDouble(Double::doubleValue).sum();
      Map<String, Double> mix = new LinkedHashMap<>();
      minutes.forEach((activity, m) -> mix.put(activity, Math.round(m / total * 1000) / 1000.0));
      out.add(slot.of(at, Math.round(total * 10) / 10.0, mix));
    });
    return out;
  }

  /** The mean to two decimals; null for no values. */
  static Double mean(List<? extends Number> values) {
    return values.isEmpty()
        ? null
        : Math.round(values.stream().mapToDouble(Number::doubleValue).average().orElse(0) * 100) / 100.0;
  }
}
