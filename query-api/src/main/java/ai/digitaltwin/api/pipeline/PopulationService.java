package ai.digitaltwin.api.pipeline;

import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.twin.RecentRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every live twin as a point in personality and health space: its current traits (the state's drifted
 * ones when the stream job has them, else the registry's), latest vitals and baseline, status and open
 * anomalies. One query for the whole population, for the dashboard's list and 3D view.
 */
public final class PopulationService {
  static final int MAX_TWINS = 5000;

  static final String POPULATION =
      "SELECT r.twin_id, r.name, r.occupation, r.owner,"
          + " coalesce(s.openness, r.openness) AS openness,"
          + " coalesce(s.conscientiousness, r.conscientiousness) AS conscientiousness,"
          + " coalesce(s.extraversion, r.extraversion) AS extraversion,"
          + " coalesce(s.agreeableness, r.agreeableness) AS agreeableness,"
          + " coalesce(s.neuroticism, r.neuroticism) AS neuroticism,"
          + " s.ts AS last_event, s.heart_rate, s.spo2, s.systolic_bp, s.body_temp_c, s.resting_hr,"
          + " s.hr_baseline, s.baseline_confidence, s.status, s.mood, s.activity,"
          + " coalesce(a.open, 0) AS open_anomalies"
          + " FROM (SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY twin_id ORDER BY ts DESC, event_id DESC) AS rn"
          + "   FROM " + RecentRegistry.LIVE_VIEW + ") WHERE rn = 1) r"
          + " LEFT JOIN (" + PipelineQueries.LATEST_STATE + ") s USING (twin_id)"
          + " LEFT JOIN (" + PipelineQueries.OPEN_ANOMALIES + ") a USING (twin_id)"
          + " WHERE r.action <> 'deleted' AND (CAST(? AS VARCHAR) IS NULL OR r.owner = ?)"
          + " ORDER BY r.twin_id LIMIT " + MAX_TWINS;

  private final TwinHistory history;

  public PopulationService(TwinHistory history) {
    this.history = history;
  }

  /** The twins of {@code owner}, or all of them when {@code owner} is null. */
  public Map<String, Object> twins(String owner) {
    List<Map<String, Object>> items = history.query(POPULATION, java.util.Arrays.asList(owner, owner)).asMaps();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", items);
    out.put("total", items.size());
    return out;
  }
}
