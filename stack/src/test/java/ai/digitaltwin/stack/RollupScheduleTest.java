package ai.digitaltwin.stack;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.api.history.DailyFromReadings;
import ai.digitaltwin.api.history.DataFileCache;
import ai.digitaltwin.api.history.IcebergViews;
import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.config.Env;
import ai.digitaltwin.jobs.batch.RollupPlan;
import ai.digitaltwin.schemas.Tables;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded stack rolls up on its own: after two days of backfilled history, {@code daily_summaries}
 * holds, without anyone running a job, the same per twin and local day figures as DuckDB computes over
 * the {@code health_events} snapshot the rollup says it read; the pipeline endpoint shows that rollup.
 */
class RollupScheduleTest {
  @TempDir Path dir;

  @Test
  void theStacksOwnScheduleFillsDailySummariesWithWhatDuckDbComputesFromReadings() throws Exception {
    Map<String, String> env = TestStackEnv.of(dir, "rollup-admin-pw");
    env.put("GENERATOR_TWINS", "2");
    env.put("GENERATOR_SEED", "11");
    env.put("GENERATOR_BACKFILL_DAYS", "2");
    env.put("GENERATOR_INTERVAL_SECONDS", "300");
    env.put("ROLLUP_INTERVAL_MS", "5000");
    CatalogConfig catalog = CatalogConfig.fromEnv(Env.of(env));

    try (TwinStack stack = TwinStack.start(env, new PrintStream(Files.newOutputStream(dir.resolve("stack.log"))))) {
      StackClient.await(Duration.ofSeconds(240), () -> fullDays(catalog) >= 2,
          "two full days in daily_summaries (log in " + dir.resolve("data/logs") + ")");
      // the pipeline page's figures: the newest rollup as the API sees it
      StackClient api = StackClient.login(TestStackEnv.base(env), "admin", "rollup-admin-pw");
      StackClient.await(Duration.ofSeconds(60), () -> !api.get("/api/v1/pipeline").get("batch").get("rollup").get("at").isNull(),
          "the rollup on /api/v1/pipeline");
      JsonNode rollup = api.get("/api/v1/pipeline").get("batch").get("rollup");
      assertThat(rollup.get("rows_total").asLong()).isGreaterThanOrEqualTo(4);
      assertThat(rollup.get("changed_days").asLong()).isPositive();
      assertThat(api.get("/api/v1/pipeline").get("batch").get("backtest").get("at").isNull()).isTrue();
    }

    try (TwinCatalog twins = TwinCatalog.open(catalog)) {
      Table summaries = twins.table(Tables.DAILY_SUMMARIES);
      Snapshot rollup = summaries.currentSnapshot();
      long healthSnapshot = Long.parseLong(rollup.summary().get(RollupPlan.HEALTH_SNAPSHOT));
      Map<String, Record> rolled = new HashMap<>();
      try (CloseableIterable<Record> rows = IcebergGenerics.read(summaries).useSnapshot(rollup.snapshotId()).build()) {
        rows.forEach(r -> rolled.put(DailyFromReadings.key((String) r.getField("twin_id"), (LocalDate) r.getField("day")), r.copy()));
      }
      Map<String, DailyFromReadings.Figures> duck;
      try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
        duck = DailyFromReadings.compute(db, IcebergViews.dataFiles(twins.table(Tables.HEALTH_EVENTS), healthSnapshot, DataFileCache.in(dir.resolve("data-files"))), twins.table(Tables.TWIN_REGISTRY));
      }

      assertThat(rolled.keySet()).isEqualTo(duck.keySet());
      for (Map.Entry<String, Record> e : rolled.entrySet()) {
        Record r = e.getValue();
        DailyFromReadings.Figures d = duck.get(e.getKey());
        assertThat(r.getField("readings")).as(e.getKey()).isEqualTo(d.readings());
        assertThat(r.getField("steps")).as(e.getKey()).isEqualTo(d.steps());
        closeTo(e.getKey() + " hr_mean", (Double) r.getField("hr_mean"), d.hrMean());
        closeTo(e.getKey() + " hr_min", (Double) r.getField("hr_min"), d.hrMin());
        closeTo(e.getKey() + " hr_max", (Double) r.getField("hr_max"), d.hrMax());
      }
    }
  }

  /** Days with at least 200 of a twin's 288 readings in the newest rollup. */
  private static int fullDays(CatalogConfig catalog) {
    try (TwinCatalog twins = TwinCatalog.open(catalog)) {
      Set<LocalDate> days = new HashSet<>();
      try (CloseableIterable<Record> rows = IcebergGenerics.read(twins.table(Tables.DAILY_SUMMARIES)).build()) {
        rows.forEach(r -> {
          if ((Long) r.getField("readings") >= 200) {
            days.add((LocalDate) r.getField("day"));
          }
        });
      }
      return days.size();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void closeTo(String what, Double rolled, Double duck) {
    if (rolled == null || duck == null) {
      assertThat(rolled).as(what).isEqualTo(duck);
      return;
    }
    assertThat(Math.abs(rolled - duck)).as(what + ": " + rolled + " vs " + duck).isLessThanOrEqualTo(1e-9 * Math.abs(duck));
  }
}
