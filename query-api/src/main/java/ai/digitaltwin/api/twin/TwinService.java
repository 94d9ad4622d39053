package ai.digitaltwin.api.twin;

import ai.digitaltwin.api.error.NoSuchTwinException;
import ai.digitaltwin.api.history.QueryResult;
import ai.digitaltwin.api.history.TwinHistory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads twins from history: the registry for who they are, state and readings for how they are. */
public final class TwinService {
  /** Latest registry row per twin; a deleted twin is gone from the list but its history stays. */
  static final String CURRENT_REGISTRY =
      "SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY twin_id ORDER BY ts DESC, event_id DESC) AS rn"
          + " FROM twin_registry) WHERE rn = 1";

  static final String LIST =
      "SELECT r.twin_id, r.name, r.age, r.sex, r.occupation, r.timezone, r.owner,"
          + " s.ts AS last_event, s.activity, s.mood, s.readings"
          + " FROM (" + CURRENT_REGISTRY + ") r"
          + " LEFT JOIN (SELECT * FROM (SELECT twin_id, ts, activity, mood, readings,"
          + "   row_number() OVER (PARTITION BY twin_id ORDER BY ts DESC, readings DESC) AS rn FROM twin_state)"
          + "   WHERE rn = 1) s USING (twin_id)"
          + " WHERE r.action <> 'deleted' ORDER BY r.twin_id LIMIT ? OFFSET ?";

  static final String COUNT =
      "SELECT count(*) FROM (" + CURRENT_REGISTRY + ") WHERE action <> 'deleted'";

  static final String ONE = CURRENT_REGISTRY.replace("FROM twin_registry)", "FROM twin_registry WHERE twin_id = ?)");

  static final String LATEST_STATE =
      "SELECT * FROM twin_state WHERE twin_id = ? ORDER BY ts DESC, readings DESC LIMIT 1";

  static final String LATEST_READINGS =
      "SELECT ts, heart_rate, systolic_bp, diastolic_bp, spo2, body_temp_c, resp_rate, hrv_ms, steps,"
          + " stress, energy, activity, source FROM health_events WHERE twin_id = ? ORDER BY ts DESC LIMIT ?";

  private final TwinHistory history;

  public TwinService(TwinHistory history) {
    this.history = history;
  }

  public record Page(List<Map<String, Object>> items, long total, int limit, int offset) {}

  public Page list(int limit, int offset) {
    QueryResult rows = history.query(LIST, List.of(limit, offset));
    long total = ((Number) history.query(COUNT, List.of()).rows().get(0).get(0)).longValue();
    return new Page(rows.asMaps(), total, limit, offset);
  }

  /** Profile, personality and current state of one twin. */
  public Map<String, Object> get(String twinId) {
    Map<String, Object> registry = registry(twinId);
    Map<String, Object> twin = new LinkedHashMap<>();
    twin.put("twin_id", twinId);
    twin.put("deleted", "deleted".equals(registry.get("action")));
    twin.put("profile", pick(registry, "name", "age", "sex", "occupation", "interests", "timezone", "owner"));
    Map<String, Object> personality =
        pick(registry, "openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism");
    Map<String, Object> state = latestState(twinId);
    if (state != null && state.get("openness") != null) {
      personality =
          pick(state, "openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism");
    }
    twin.put("personality", personality);
    twin.put("state", state);
    List<Map<String, Object>> latest = readings(twinId, 1);
    twin.put("last_event", latest.isEmpty() ? null : latest.get(0).get("ts"));
    return twin;
  }

  /** Latest readings, newest first, and the status rules applied to the newest. */
  public Map<String, Object> health(String twinId, int limit) {
    registry(twinId);
    List<Map<String, Object>> readings = readings(twinId, limit);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("twin_id", twinId);
    out.put("current", readings.isEmpty() ? null : readings.get(0));
    out.put("status", readings.isEmpty() ? List.of("no_data") : HealthStatus.of(readings.get(0)));
    out.put("readings", readings);
    return out;
  }

  private Map<String, Object> registry(String twinId) {
    QueryResult rows = history.query(ONE, List.of(twinId));
    if (rows.isEmpty()) {
      throw new NoSuchTwinException(twinId);
    }
    return rows.asMaps().get(0);
  }

  private Map<String, Object> latestState(String twinId) {
    QueryResult rows = history.query(LATEST_STATE, List.of(twinId));
    return rows.isEmpty() ? null : rows.asMaps().get(0);
  }

  private List<Map<String, Object>> readings(String twinId, int limit) {
    return history.query(LATEST_READINGS, List.of(twinId, limit)).asMaps();
  }

  private static Map<String, Object> pick(Map<String, Object> row, String... keys) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String key : keys) {
      out.put(key, row.get(key));
    }
    return out;
  }
}
