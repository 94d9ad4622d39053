package ai.digitaltwin.api.personality;

import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.http.Window;
import ai.digitaltwin.api.twin.RecentRegistry;
import ai.digitaltwin.api.twin.TwinService;
import ai.digitaltwin.schemas.Tables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A twin's Big Five now and how they drifted: the baseline is the personality it was created with, the
 * drift is the stream job's traits per day (last value of the day) with the causes it recorded, and
 * edits are the registry updates with their reasons. Until the stream job has sent a state of the twin
 * in the window, {@code current} is the registry's and the answer says {@code warming_up}.
 */
public final class PersonalityService {
  static final List<String> TRAITS =
      List.of("openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism");

  static final String EDITS =
      "SELECT ts, action, reason, openness, conscientiousness, extraversion, agreeableness, neuroticism"
          + " FROM " + RecentRegistry.LIVE_VIEW
          + " WHERE twin_id = ? AND action IN ('created', 'updated') ORDER BY ts, event_id";

  static final String DAILY =
      "SELECT date_trunc('day', ts) AS day, arg_max(openness, ts) AS openness,"
          + " arg_max(conscientiousness, ts) AS conscientiousness, arg_max(extraversion, ts) AS extraversion,"
          + " arg_max(agreeableness, ts) AS agreeableness, arg_max(neuroticism, ts) AS neuroticism,"
          + " list(DISTINCT drift_cause ORDER BY drift_cause) FILTER (WHERE drift_cause IS NOT NULL) AS causes"
          + " FROM " + Tables.TWIN_STATE + " WHERE twin_id = ? AND openness IS NOT NULL AND ts >= ? AND ts < ?"
          + " GROUP BY 1 ORDER BY 1";

  private final TwinHistory history;

  public PersonalityService(TwinHistory history) {
    this.history = history;
  }

  public Map<String, Object> personality(String twinId, Window window) {
    List<Map<String, Object>> edits = history.query(EDITS, List.of(twinId)).asMaps();
    List<Map<String, Object>> daily =
        history.query(DAILY, List.of(twinId, window.fromParam(), window.toParam())).asMaps();
    Map<String, Object> baseline = edits.isEmpty() ? null : traits(edits.get(0));
    Map<String, Object> current =
        !daily.isEmpty() ? traits(daily.get(daily.size() - 1)) : edits.isEmpty() ? null : traits(edits.get(edits.size() - 1));
    List<Map<String, Object>> drift = new ArrayList<>();
    for (Map<String, Object> day : daily) {
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("day", day.get("day"));
      point.put("traits", traits(day));
      point.put("delta_from_baseline", baseline == null ? null : delta(traits(day), baseline));
      point.put("causes", day.get("causes") == null ? List.of() : day.get("causes"));
      drift.add(point);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("twin_id", twinId);
    // before the stream job's first state (in the window) the current traits are the registry's: say so
    out.put("status", daily.isEmpty() ? TwinService.WARMING_UP : "tracked");
    out.put("current_from", daily.isEmpty() ? "registry" : "state");
    out.put("baseline", baseline);
    out.put("current", current);
    out.put("drift_from_baseline", current == null || baseline == null ? null : delta(current, baseline));
    out.put("drift", drift);
    out.put("edits", edits);
    return out;
  }

  static Map<String, Object> traits(Map<String, Object> row) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String trait : TRAITS) {
      out.put(trait, row.get(trait));
    }
    return out;
  }

  static Map<String, Object> delta(Map<String, Object> now, Map<String, Object> then) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String trait : TRAITS) {
      if (now.get(trait) instanceof Number a && then.get(trait) instanceof Number b) {
        out.put(trait, Math.round((a.doubleValue() - b.doubleValue()) * 10_000) / 10_000.0);
      } else {
        out.put(trait, null);
      }
    }
    return out;
  }
}
