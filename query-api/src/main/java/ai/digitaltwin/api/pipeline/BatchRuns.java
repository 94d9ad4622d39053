package ai.digitaltwin.api.pipeline;

import ai.digitaltwin.api.history.IcebergViews;
import ai.digitaltwin.catalog.BatchRecords;
import ai.digitaltwin.schemas.Tables;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * The newest rollup and backtest, as they left themselves in the catalog ({@link BatchRecords}): the
 * rollup in the snapshot summary of {@code daily_summaries}, the backtest in {@code ground_truth}'s
 * properties. Whoever ran them (the stack's schedule, {@code ./twin batch}, the Flink cluster).
 */
final class BatchRuns {
  private BatchRuns() {}

  static Map<String, Object> of(IcebergViews views, Instant now) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rollup", rollup(views.table(Tables.DAILY_SUMMARIES), now));
    out.put("backtest", backtest(views.table(Tables.GROUND_TRUTH), now));
    return out;
  }

  private static Map<String, Object> rollup(Table summaries, Instant now) {
    Map<String, Object> out = new LinkedHashMap<>();
    Snapshot last = summaries.currentSnapshot();
    if (last == null || last.summary().get(BatchRecords.ROLLUP_HEALTH_SNAPSHOT) == null) {
      out.put("at", null);
      return out;
    }
    Instant at = Instant.ofEpochMilli(last.timestampMillis());
    out.put("at", at.toString());
    out.put("age_s", Duration.between(at, now).toMillis() / 1000.0);
    out.put("changed_days", longOf(last.summary().get(BatchRecords.ROLLUP_DAYS)));
    out.put("rows_written", longOf(last.summary().get(BatchRecords.ROLLUP_ROWS)));
    out.put("rows_total", longOf(last.summary().get("total-records")));
    return out;
  }

  private static Map<String, Object> backtest(Table truth, Instant now) {
    Map<String, String> p = truth.properties();
    Map<String, Object> out = new LinkedHashMap<>();
    String at = p.get(BatchRecords.BACKTEST_AT);
    out.put("at", at);
    if (at == null) {
      return out;
    }
    out.put("age_s", Duration.between(Instant.parse(at), now).toMillis() / 1000.0);
    out.put("readings", longOf(p.get(BatchRecords.BACKTEST_READINGS)));
    out.put("f1", doubleOf(p.get(BatchRecords.BACKTEST_F1)));
    out.put("fixed_rules_f1", doubleOf(p.get(BatchRecords.BACKTEST_FIXED_RULES_F1)));
    return out;
  }

  private static Long longOf(String value) {
    return value == null || value.isBlank() ? null : Long.parseLong(value);
  }

  private static Double doubleOf(String value) {
    return value == null || value.isBlank() ? null : Double.parseDouble(value);
  }
}
