package ai.digitaltwin.api.anomaly;

import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.http.Window;
import ai.digitaltwin.schemas.Tables;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A twin's anomaly episodes whose start lies in the window. The detector writes an episode when it opens
 * and again when it closes; only the latest row of each episode (type and start) is shown, and the
 * filters apply to that row.
 */
public final class AnomalyService {
  public static final Set<String> SEVERITIES = Set.of("low", "medium", "high");

  static final String EPISODES =
      "SELECT event_id, type, layer, severity, score, start_ts, end_ts, ts AS updated_at, evidence, detector_version"
          + " FROM (SELECT *, row_number() OVER (PARTITION BY type, start_ts ORDER BY ts DESC, event_id DESC) AS rn"
          + "   FROM " + Tables.ANOMALIES + " WHERE twin_id = ? AND start_ts >= ? AND start_ts < ?)"
          + " WHERE rn = 1 AND (CAST(? AS VARCHAR) IS NULL OR type = ?) AND (CAST(? AS VARCHAR) IS NULL OR severity = ?)"
          + " ORDER BY start_ts DESC LIMIT ?";

  private final TwinHistory history;
  private final ObjectMapper mapper;

  public AnomalyService(TwinHistory history, ObjectMapper mapper) {
    this.history = history;
    this.mapper = mapper;
  }

  public Map<String, Object> anomalies(String twinId, Window window, String type, String severity, int limit) {
    List<Object> params = new ArrayList<>();
    params.add(twinId);
    params.add(window.fromParam());
    params.add(window.toParam());
    params.add(type);
    params.add(type);
    params.add(severity);
    params.add(severity);
    params.add(limit);
    List<Map<String, Object>> rows = history.query(EPISODES, params).asMaps();
    for (Map<String, Object> row : rows) {
      row.put("open", row.get("end_ts") == null);
      row.put("evidence", evidence((String) row.get("evidence")));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("twin_id", twinId);
    out.put("from", window.from().toString());
    out.put("to", window.to().toString());
    out.put("items", rows);
    return out;
  }

  /** Evidence is JSON text; shown as JSON when it parses, as text otherwise. */
  private Object evidence(String text) {
    if (text == null) {
      return null;
    }
    try {
      return mapper.readTree(text);
    } catch (java.io.IOException e) {
      return text;
    }
  }
}
