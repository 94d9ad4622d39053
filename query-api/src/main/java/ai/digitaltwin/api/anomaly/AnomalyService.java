package ai.digitaltwin.api.anomaly;

import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.http.Json;
import ai.digitaltwin.api.http.Window;
import ai.digitaltwin.schemas.Tables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
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

  public AnomalyService(TwinHistory history) {
    this.history = history;
  }

  /** The body of {@code GET /twins/{id}/anomalies}: the episodes whose start lies in the window, newest first. */
  public record Episodes(String twinId, String from, String to, List<Episode> items) {}

  /**
   * An episode as its latest row says ({@code updated_at} that row's time), open while it has no end.
   * {@code evidence} is the detector's JSON, written out as JSON when it parses and as text otherwise.
   */
  public record Episode(
      String eventId,
      String type,
      String layer,
      String severity,
      Double score,
      String startTs,
      String endTs,
      String updatedAt,
      JsonNode evidence,
      String detectorVersion,
      boolean open) {}

  public Episodes anomalies(String twinId, Window window, String type, String severity, int limit) {
    List<Object> params = new ArrayList<>();
    params.add(twinId);
    params.add(window.fromParam());
    params.add(window.toParam());
    params.add(type);
    params.add(type);
    params.add(severity);
    params.add(severity);
    params.add(limit);
    List<Episode> items = history.query(EPISODES, params).map(row -> new Episode(
        row.text("event_id"),
        row.text("type"),
        row.text("layer"),
        row.text("severity"),
        row.decimal("score"),
        row.text("start_ts"),
        row.text("end_ts"),
        row.text("updated_at"),
        evidence(row.text("evidence")),
        row.text("detector_version"),
        row.value("end_ts") == null));
    return new Episodes(twinId, window.from().toString(), window.to().toString(), items);
  }

  /** Evidence is JSON text; shown as JSON when it parses, as text otherwise. */
  private JsonNode evidence(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      return TextNode.valueOf(text);
    }
  }
}
