package ai.digitaltwin.bench.scale;

import ai.digitaltwin.api.history.DailyFromReadings;
import ai.digitaltwin.api.history.DataFileCache;
import ai.digitaltwin.api.history.IcebergViews;
import ai.digitaltwin.bench.BenchConfig;
import ai.digitaltwin.bench.detection.DetectionSize;
import ai.digitaltwin.bench.report.Figure;
import ai.digitaltwin.bench.report.Goal;
import ai.digitaltwin.bench.report.Measure;
import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.jobs.batch.DailyRollupJob;
import ai.digitaltwin.schemas.Tables;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.Table;

/**
 * The daily rollup at scale: seeded history (the API-at-scale size, 1000 twins x 30 days by default)
 * rolled up from scratch, then one more day appended and rolled up incrementally; beside each, DuckDB
 * computing the same aggregates (per twin and local day: readings, HR mean/min/max, steps) over all the
 * files of the same {@code health_events} snapshot, which is what answering from raw readings costs.
 */
public final class RollupBench {
  private RollupBench() {}

  public static List<Figure> run(BenchConfig config, Path dir, PrintStream log) throws Exception {
    DetectionSize size = config.apiSize();
    Path warehouse = dir.resolve("warehouse");
    Instant end = Instant.now().truncatedTo(ChronoUnit.DAYS);
    log.printf("  seeding %s ...%n", size.describe());
    SeededWarehouse.write(size, warehouse, end, Runtime.getRuntime().availableProcessors(), log);
    CatalogConfig catalog = CatalogConfig.local(warehouse);
    int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());

    DailyRollupJob.Result scratch = rollup(catalog, parallelism);
    log.printf("  from scratch: %s%n", scratch);
    double[] duckScratch = duckDb(catalog, config.runs(), log);

    log.printf("  appending one more day ...%n");
    SeededWarehouse.write(new DetectionSize(size.twins(), 1, size.seed()), warehouse, end.plus(Duration.ofDays(1)), Runtime.getRuntime().availableProcessors(), log);
    DailyRollupJob.Result incremental = rollup(catalog, parallelism);
    log.printf("  after one new day: %s%n", incremental);
    double[] duckAfter = duckDb(catalog, config.runs(), log);
    DailyRollupJob.Result again = rollup(catalog, parallelism);
    log.printf("  again, nothing new: %s%n", again);

    String scale = size.twins() + " twins x " + size.days() + " days";
    String how = "one rollup run on a local Flink environment (parallelism " + parallelism + "), plan, compute and commit; "
        + "DuckDB: the same aggregates over every " + Tables.HEALTH_EVENTS + " file, median of " + config.runs()
        + " runs after a warm-up";
    return List.of(
        Figure.of("rollup from scratch, " + scale + " (s)",
            Measure.of("rollup", "s", scratch.seconds()), Measure.of("DuckDB over raw readings", "s", duckScratch),
            how + "; " + scratch.days() + " days, " + scratch.rows() + " rows written, " + scratch.readings() + " readings read"),
        Figure.of("rollup after one new day, " + scale + " + 1 (s)",
            Measure.of("rollup", "s", incremental.seconds()), Measure.of("DuckDB over raw readings", "s", duckAfter),
            how + "; " + incremental.days() + " days recomputed, " + incremental.rows() + " rows written, " + incremental.readings()
                + " readings read; a third run with nothing new: "
                + String.format(Locale.ROOT, "%.2f s, %d days", again.seconds(), again.days()),
            Goal.valueAtMost(10)));
  }

  private static DailyRollupJob.Result rollup(CatalogConfig catalog, int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    return DailyRollupJob.run(env, catalog, step -> {});
  }

  /** Seconds per DuckDB run of the same aggregates over the current health_events files, warm-up first. */
  private static double[] duckDb(CatalogConfig catalog, int runs, PrintStream log) throws Exception {
    double[] seconds = new double[runs];
    try (TwinCatalog twins = TwinCatalog.open(catalog); Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      Table health = twins.table(Tables.HEALTH_EVENTS);
      // a local warehouse: its files are read where they are, the cache beside it stays empty
      DataFileCache unused = DataFileCache.in(Path.of(catalog.warehouse()).resolveSibling("data-files"));
      List<String> files = IcebergViews.dataFiles(health, health.currentSnapshot().snapshotId(), unused);
      DailyFromReadings.loadZones(duck, twins.table(Tables.TWIN_REGISTRY));
      String sql = DailyFromReadings.sql(files);
      long rows = 0;
      for (int i = -1; i < runs; i++) {
        long started = System.nanoTime();
        rows = 0;
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(sql)) {
          while (rs.next()) {
            rows++;
          }
        }
        if (i >= 0) {
          seconds[i] = (System.nanoTime() - started) / 1e9;
        }
      }
      log.printf(Locale.ROOT, "  DuckDB: %d twin days from %d files, %.2f s (first run)%n", rows, files.size(), seconds[0]);
    }
    return seconds;
  }
}
