package ai.digitaltwin.api.behavior;

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

  public Map<String, Object> behavior(String twinId, Window window) {
    List<Object> params = List.of(twinId, window.fromParam(), window.toParam());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("twin_id", twinId);
    out.put("from", window.from().toString());
    out.put("to", window.to().toString());
    out.put("activity_minutes", history.query(TOTALS, params).asMaps());
    out.put("by_hour", shares(history.query(BY_HOUR, params).asMaps(), false));
    out.put("by_weekday", shares(history.query(BY_WEEKDAY, params).asMaps(), true));
    List<Map<String, Object>> sleep = history.query(SLEEP, params).asMaps();
    out.put("sleep", sleep);
    out.put("sleep_hours_mean", mean(sleep, "hours"));
    List<Map<String, Object>> steps = history.query(STEPS, params).asMaps();
    out.put("steps", steps);
    out.put("steps_per_day_mean", mean(steps, "steps"));
    return out;
  }

  /** Per slot: the share of that slot's observed time spent in each activity. */
  static List<Map<String, Object>> shares(List<Map<String, Object>> rows, boolean weekday) {
    Map<Integer, Map<String, Double>> bySlot = new TreeMap<>();
    for (Map<String, Object> row : rows) {
      int slot = ((Number) row.get("slot")).intValue();
      bySlot.computeIfAbsent(slot, s -> new TreeMap<>())
          .merge((String) row.get("activity"), ((Number) row.get("minutes")).doubleValue(), Double::sum);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    bySlot.forEach((slot, minutes) -> {
      double total = minutes.values().stream().mapToDouble(Double::doubleValue).sum();
      Map<String, Object> mix = new LinkedHashMap<>();
      minutes.forEach((activity, m) -> mix.put(activity, Math.round(m / total * 1000) / 1000.0));
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put(weekday ? "weekday" : "hour", weekday ? WEEKDAYS[slot] : slot);
      entry.put("minutes", Math.round(total * 10) / 10.0);
      entry.put("mix", mix);
      out.add(entry);
    });
    return out;
  }

  static Double mean(List<Map<String, Object>> rows, String key) {
    return rows.isEmpty()
        ? null
        : Math.round(rows.stream().mapToDouble(r -> ((Number) r.get(key)).doubleValue()).average().orElse(0) * 100)
            / 100.0;
  }
}
