package ai.digitaltwin.api.pipeline;

import ai.digitaltwin.api.history.IcebergViews;
import ai.digitaltwin.catalog.BatchRecords;
import ai.digitaltwin.schemas.Tables;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Duration;
import java.time.Instant;
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

  /** The newest of each run. */
  record Runs(Rollup rollup, Backtest backtest) {}

  /**
   * The newest rollup: when it committed, how long ago, and what it wrote. Before any rollup only
   * {@code at} is written (null): the rest is left out, not null.
   */
  record Rollup(String at, @JsonUnwrapped RollupFigures figures) {}

  record RollupFigures(double ageS, Long changedDays, Long rowsWritten, Long rowsTotal) {}

  /** The newest backtest, as {@link Rollup}: only {@code at} (null) before any. */
  record Backtest(String at, @JsonUnwrapped BacktestFigures figures) {}

  record BacktestFigures(double ageS, Long readings, Double f1, Double fixedRulesF1) {}

  static Runs of(IcebergViews views, Instant now) {
    return new Runs(rollup(views.table(Tables.DAILY_SUMMARIES), now), backtest(views.table(Tables.GROUND_TRUTH), now));
  }

  private static Rollup rollup(Table summaries, Instant now) {
    Snapshot last = summaries.currentSnapshot();
    if (last == null || last.summary().get(BatchRecords.ROLLUP_HEALTH_SNAPSHOT) == null) {
      return new Rollup(null, null);
    }
    Instant at = Instant.ofEpochMilli(last.timestampMillis());
    Map<String, String> summary = last.summary();
    return new Rollup(at.toString(), new RollupFigures(
        Duration.between(at, now).toMillis() / 1000.0,
        longOf(summary.get(BatchRecords.ROLLUP_DAYS)),
        longOf(summary.get(BatchRecords.ROLLUP_ROWS)),
        longOf(summary.get("total-records"))));
  }

  private static Backtest backtest(Table truth, Instant now) {
    Map<String, String> p = truth.properties();
    String at = p.get(BatchRecords.BACKTEST_AT);
    if (at == null) {
      return new Backtest(null, null);
    }
    return new Backtest(at, new BacktestFigures(
        Duration.between(Instant.parse(at), now).toMillis() / 1000.0,
        longOf(p.get(BatchRecords.BACKTEST_READINGS)),
        doubleOf(p.get(BatchRecords.BACKTEST_F1)),
        doubleOf(p.get(BatchRecords.BACKTEST_FIXED_RULES_F1))));
  }

  private static Long longOf(String value) {
    return value == null || value.isBlank() ? null : Long.parseLong(value);
  }

  private static Double doubleOf(String value) {
    return value == null || value.isBlank() ? null : Double.parseDouble(value);
  }
}
