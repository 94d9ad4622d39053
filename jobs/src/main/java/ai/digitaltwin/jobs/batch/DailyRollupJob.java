package ai.digitaltwin.jobs.batch;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TableDefinitions;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.jobs.sink.Columns;
import ai.digitaltwin.jobs.sink.IcebergInputs;
import ai.digitaltwin.jobs.sink.IcebergSinks;
import ai.digitaltwin.schemas.Tables;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.expressions.Expressions;

/**
 * Daily rollups per twin and local day (BATCH): vitals statistics, resting heart rate, steps, sleep and
 * anomaly episodes opened, from {@code health_events} and {@code anomalies} into {@code daily_summaries}.
 * Incremental: a run reads only the input appended since the last run ({@link RollupPlan}), adds its sums
 * to the days they belong to and replaces those days' partitions in one commit ({@link SummaryCommit}); a
 * run with nothing new commits nothing. Planning reads table metadata where the job is defined; computing and
 * committing run inside the Flink job, so a session cluster runs it the same way a local environment does.
 */
public final class DailyRollupJob {
  public static final String NAME = "twin-daily-rollup";
  private static final int ANOMALY_TWIN = Columns.position(TableDefinitions.ANOMALIES, "twin_id");
  private static final int ANOMALY_TS = Columns.position(TableDefinitions.ANOMALIES, "ts");
  private static final int ANOMALY_END = Columns.position(TableDefinitions.ANOMALIES, "end_ts");

  private DailyRollupJob() {}

  /** What a run did. */
  public record Result(RollupPlan plan, int days, long rows, long readings, long snapshotId, double seconds) {
    public boolean committed() {
      return snapshotId != 0;
    }

    @Override
    public String toString() {
      return String.format(
          java.util.Locale.ROOT, "rollup: %d changed days, %d rows written, %d readings read (%s), %.1f s",
          days, rows, readings, plan.full() ? "all days: " + plan.reason() : plan.reason(), seconds);
    }
  }

  /** Plans, computes and commits one rollup; {@code progress} hears each step's name as it starts. */
  public static Result run(StreamExecutionEnvironment env, CatalogConfig catalog, Consumer<String> progress)
      throws Exception {
    long started = System.nanoTime();
    progress.accept("plan");
    RollupPlan plan = define(env, catalog);
    if (plan.nothingChanged()) {
      return new Result(plan, 0, 0, 0, 0, seconds(started));
    }
    progress.accept("compute and commit");
    JobExecutionResult done = env.execute(NAME);
    long days = done.getAccumulatorResult(SummaryCommitter.DAYS);
    long rows = done.getAccumulatorResult(SummaryCommitter.ROWS);
    long snapshot = done.getAccumulatorResult(SummaryCommitter.SNAPSHOT);
    Long readings = done.getAccumulatorResult(DayStatsCombiner.READINGS);
    return new Result(plan, (int) days, rows, readings == null ? 0 : readings, snapshot, seconds(started));
  }

  /**
   * Plans a rollup and, unless nothing changed, defines its job on {@code env}: read the planned input,
   * sum them, commit them inside the job ({@link SummaryCommitter}). The caller executes it as {@link
   * #NAME}; a session cluster runs it from the application jar's main, where nothing can be collected.
   */
  public static RollupPlan define(StreamExecutionEnvironment env, CatalogConfig catalog) throws IOException {
    RollupPlan plan;
    LocalDays zones;
    try (TwinCatalog twins = TwinCatalog.open(catalog)) {
      twins.ensureTables();
      zones = TwinZones.read(twins);
      plan = RollupPlan.of(twins.table(Tables.HEALTH_EVENTS), twins.table(Tables.ANOMALIES), twins.table(Tables.DAILY_SUMMARIES), zones);
    }
    if (plan.healthSnapshot() == null && plan.anomaliesSnapshot() == null) {
      plan = RollupPlan.noInput();
    }
    if (plan.nothingChanged()) {
      return plan;
    }
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    DataStream<DayStats> stats =
        build(
            plan.readsHealth() ? read(env, catalog, Tables.HEALTH_EVENTS, plan, plan.healthFrom(), plan.healthSnapshot(), ReadingColumns.NAMES) : null,
            plan.readsAnomalies() ? read(env, catalog, Tables.ANOMALIES, plan, plan.anomaliesFrom(), plan.anomaliesSnapshot(), null) : null,
            zones);
    stats
        .transform("commit " + Tables.DAILY_SUMMARIES, Types.VOID, new SummaryCommitter(IcebergSinks.tableLoader(catalog, Tables.DAILY_SUMMARIES), plan))
        .setParallelism(1)
        .setMaxParallelism(1)
        .uid("commit-daily-summaries")
        .sinkTo(new DiscardingSink<>())
        .setParallelism(1)
        .name("done")
        .uid("done");
    return plan;
  }

  /** Every row of {@code table} at {@code to}, or (incremental) only those appended after {@code from}. */
  private static DataStream<RowData> read(
      StreamExecutionEnvironment env, CatalogConfig catalog, String table, RollupPlan plan, Long from, Long to, List<String> columns) {
    return plan.full() || from == null
        ? IcebergInputs.read(env, catalog, table, to, Expressions.alwaysTrue(), columns)
        : IcebergInputs.appended(env, catalog, table, from, to, columns);
  }

  /**
   * Per twin and local day, from rows of {@code health_events} projected to {@link ReadingColumns} and
   * rows of {@code anomalies} (either may be null: nothing to read). Readings are summed per reading
   * subtask first ({@link DayStatsCombiner}).
   */
  public static DataStream<DayStats> build(DataStream<RowData> health, DataStream<RowData> anomalies, LocalDays zones) {
    TypeInformation<DayStats> type = TypeInformation.of(DayStats.class);
    DataStream<DayStats> all = null;
    if (health != null) {
      all = health
          .transform("day stats readings", type, new DayStatsCombiner(zones))
          .uid("day-stats-readings");
    }
    if (anomalies != null) {
      DataStream<DayStats> episodes =
          anomalies
              .filter(row -> row.isNullAt(ANOMALY_END)) // count each episode once: by its opening record
              .name("episodes opened")
              .uid("episodes-opened")
              .map(row -> {
                    String twin = row.getString(ANOMALY_TWIN).toString();
                    return DayStats.ofAnomaly(twin, zones.epochDay(twin, Columns.millis(row, ANOMALY_TS)));
                  }, type)
              .name("day stats anomalies")
              .uid("day-stats-anomalies");
      all = all == null ? episodes : all.union(episodes);
    }
    return all
        .keyBy(s -> s.key, Types.STRING)
        .reduce(DayStats::merge)
        .name("sum per twin and day")
        .uid("sum-per-twin-day");
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
