package ai.digitaltwin.catalog;

/**
 * Where the batch jobs leave what they did, in the catalog itself (so the embedded and the distributed
 * deployment read it the same way): keys of a snapshot summary or of table properties.
 */
public final class BatchRecords {
  /** {@code daily_summaries} snapshot summary: the {@code health_events} snapshot its rows come from ({@code none}: empty). */
  public static final String ROLLUP_HEALTH_SNAPSHOT = "twin.rollup.health-snapshot-id";
  /** {@code daily_summaries} snapshot summary: the {@code anomalies} snapshot its rows come from ({@code none}: empty). */
  public static final String ROLLUP_ANOMALIES_SNAPSHOT = "twin.rollup.anomalies-snapshot-id";
  /** {@code daily_summaries} snapshot summary: local days the rollup recomputed. */
  public static final String ROLLUP_DAYS = "twin.rollup.changed-days";
  /** {@code daily_summaries} snapshot summary: rows (twin days) it wrote. */
  public static final String ROLLUP_ROWS = "twin.rollup.rows";
  /**
   * {@code daily_summaries} snapshot summary: {@code true} when every row carries the counts behind its
   * means ({@code TableDefinitions.DAILY_PARTIALS}), so a rollup can add new readings to a day without
   * reading the day's old ones.
   */
  public static final String ROLLUP_PARTIALS = "twin.rollup.partial-counts";
  /** {@code ground_truth} table properties: when the newest backtest ran (ISO instant). */
  public static final String BACKTEST_AT = "twin.backtest.at";
  /** {@code ground_truth} table properties: readings the newest backtest replayed. */
  public static final String BACKTEST_READINGS = "twin.backtest.readings";
  /** {@code ground_truth} table properties: the detectors' F1 over all types (empty if undefined). */
  public static final String BACKTEST_F1 = "twin.backtest.f1";
  /** {@code ground_truth} table properties: the fixed rules' F1 over all types (empty if undefined). */
  public static final String BACKTEST_FIXED_RULES_F1 = "twin.backtest.fixed-rules-f1";

  private BatchRecords() {}
}
