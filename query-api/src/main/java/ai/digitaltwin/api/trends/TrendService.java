package ai.digitaltwin.api.trends;

import ai.digitaltwin.api.error.ApiException;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.http.Window;
import ai.digitaltwin.schemas.Tables;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
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

  /** Bucket widths in microseconds: in UTC, the API's session time zone, hours and days are fixed widths. */
  static final Map<String, Long> WIDTHS = Map.of("hour", 3_600_000_000L, "day", 86_400_000_000L);

  /**
   * Over {@code %1$s} the twin's files, {@code %2$s} the metric, {@code %3$d} the bucket width in
   * microseconds. The same buckets as {@code date_trunc(bucket, ts)} in UTC, computed on integers and
   * turned into timestamps once per bucket: {@code date_trunc} on a TIMESTAMPTZ goes through the ICU
   * calendar for every row, which was half the query's time for a month of minute readings. The double
   * modulo rounds instants before 1970 down, as {@code date_trunc} does.
   */
  static final String TREND =
      "SELECT make_timestamptz(b) AS bucket, mean, min, max, sum, n FROM ("
          + "SELECT us - (us %% %3$d + %3$d) %% %3$d AS b, avg(v) AS mean, min(v) AS min, max(v) AS max,"
          + " sum(v) AS sum, count(v) AS n"
          + " FROM (SELECT epoch_us(ts) AS us, %2$s AS v FROM %1$s WHERE twin_id = ? AND ts >= ? AND ts < ?)"
          + " GROUP BY b) ORDER BY b";

  private final TwinHistory history;

  public TrendService(TwinHistory history) {
    this.history = history;
  }

  /**
   * Writes the trend to {@code out} as one JSON object: the question, then {@code points}, written from
   * DuckDB's result set as it is read (no row is built as a map first).
   */
  public void write(String twinId, String metric, String bucket, Window window, JsonGenerator out) throws IOException {
    if (!METRICS.contains(metric) || !BUCKETS.contains(bucket)) {
      throw ApiException.badRequest("unknown metric or bucket", "metric");
    }
    String sql =
        TREND.formatted(history.relation(Tables.HEALTH_EVENTS, twinId, window.from(), window.to()), metric, WIDTHS.get(bucket));
    out.writeStartObject();
    out.writeStringField("twin_id", twinId);
    out.writeStringField("metric", metric);
    out.writeStringField("bucket", bucket);
    out.writeStringField("from", window.from().toString());
    out.writeStringField("to", window.to().toString());
    out.writeFieldName("points");
    history.writeJson(sql, List.of(twinId, window.fromParam(), window.toParam()), Integer.MAX_VALUE, out);
    out.writeEndObject();
  }
}
