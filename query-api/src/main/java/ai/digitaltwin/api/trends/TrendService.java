package ai.digitaltwin.api.trends;

import ai.digitaltwin.api.error.ApiException;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.http.Window;
import ai.digitaltwin.schemas.Tables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One vital over time, bucketed by hour or day: mean, min, max, sum and count per bucket. */
public final class TrendService {
  /** Columns of health_events a trend may be asked of; nothing else reaches the SQL text. */
  public static final Set<String> METRICS =
      Set.of(
          "heart_rate", "systolic_bp", "diastolic_bp", "spo2", "body_temp_c", "resp_rate", "hrv_ms", "steps",
          "stress", "energy");

  public static final Set<String> BUCKETS = Set.of("hour", "day");

  private final TwinHistory history;

  public TrendService(TwinHistory history) {
    this.history = history;
  }

  public Map<String, Object> trend(String twinId, String metric, String bucket, Window window) {
    if (!METRICS.contains(metric) || !BUCKETS.contains(bucket)) {
      throw ApiException.badRequest("unknown metric or bucket", "metric");
    }
    String sql =
        "SELECT date_trunc('" + bucket + "', ts) AS bucket, avg(" + metric + ") AS mean, min(" + metric
            + ") AS min, max(" + metric + ") AS max, sum(" + metric + ") AS sum, count(" + metric + ") AS n"
            + " FROM " + history.relation(Tables.HEALTH_EVENTS, twinId, window.from(), window.to()) + " WHERE twin_id = ? AND ts >= ? AND ts < ? GROUP BY 1 ORDER BY 1";
    List<Map<String, Object>> points =
        history.query(sql, List.of(twinId, window.fromParam(), window.toParam())).asMaps();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("twin_id", twinId);
    out.put("metric", metric);
    out.put("bucket", bucket);
    out.put("from", window.from().toString());
    out.put("to", window.to().toString());
    out.put("points", points);
    return out;
  }
}
