package ai.digitaltwin.stack;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.jobs.batch.RollupPlan;
import ai.digitaltwin.schemas.Tables;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.FileScanTask;
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
    CatalogConfig catalog = CatalogConfig.fromEnv(env, Path.of(env.get("TWIN_DATA_DIR")));

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
        rows.forEach(r -> rolled.put(r.getField("twin_id") + "|" + r.getField("day"), r.copy()));
      }
      Map<String, Object[]> duck = duckDb(twins, healthSnapshot);

      assertThat(rolled.keySet()).isEqualTo(duck.keySet());
      for (Map.Entry<String, Record> e : rolled.entrySet()) {
        Record r = e.getValue();
        Object[] d = duck.get(e.getKey());
        assertThat(r.getField("readings")).as(e.getKey()).isEqualTo(d[0]);
        assertThat(r.getField("steps")).as(e.getKey()).isEqualTo(d[4]);
        closeTo(e.getKey() + " hr_mean", (Double) r.getField("hr_mean"), (Double) d[1]);
        closeTo(e.getKey() + " hr_min", (Double) r.getField("hr_min"), (Double) d[2]);
        closeTo(e.getKey() + " hr_max", (Double) r.getField("hr_max"), (Double) d[3]);
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

  /** twin|day → readings, hr mean, min, max, steps, by DuckDB over the files of one health_events snapshot. */
  private static Map<String, Object[]> duckDb(TwinCatalog twins, long healthSnapshot) throws Exception {
    List<String> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = twins.table(Tables.HEALTH_EVENTS).newScan().useSnapshot(healthSnapshot).planFiles()) {
      tasks.forEach(t -> files.add(t.file().location().replaceFirst("^file:", "")));
    }
    Map<String, String> zones = new HashMap<>();
    Map<String, OffsetDateTime> asOf = new HashMap<>();
    try (CloseableIterable<Record> rows = IcebergGenerics.read(twins.table(Tables.TWIN_REGISTRY)).build()) {
      for (Record r : rows) {
        String twin = (String) r.getField("twin_id");
        OffsetDateTime ts = (OffsetDateTime) r.getField("ts");
        if (r.getField("timezone") != null && (asOf.get(twin) == null || !ts.isBefore(asOf.get(twin)))) {
          zones.put(twin, (String) r.getField("timezone"));
          asOf.put(twin, ts);
        }
      }
    }
    Map<String, Object[]> out = new HashMap<>();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement s = duck.createStatement()) {
        s.execute("CREATE TABLE zones (twin_id VARCHAR, tz VARCHAR)");
      }
      try (PreparedStatement insert = duck.prepareStatement("INSERT INTO zones VALUES (?, ?)")) {
        for (Map.Entry<String, String> z : zones.entrySet()) {
          insert.setString(1, z.getKey());
          insert.setString(2, z.getValue());
          insert.execute();
        }
      }
      StringBuilder list = new StringBuilder();
      files.forEach(f -> list.append(list.length() == 0 ? "" : ", ").append('\'').append(f).append('\''));
      String sql =
          "SELECT h.twin_id, CAST(timezone(coalesce(z.tz, 'UTC'), h.ts) AS DATE) AS day, count(*),"
              + " avg(heart_rate) FILTER (WHERE heart_rate BETWEEN 20 AND 230),"
              + " min(heart_rate) FILTER (WHERE heart_rate BETWEEN 20 AND 230),"
              + " max(heart_rate) FILTER (WHERE heart_rate BETWEEN 20 AND 230), sum(steps)"
              + " FROM read_parquet([" + list + "]) h LEFT JOIN zones z USING (twin_id) GROUP BY 1, 2";
      try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          out.put(rs.getString(1) + "|" + rs.getObject(2, LocalDate.class),
              new Object[] {rs.getLong(3), (Double) rs.getObject(4), (Double) rs.getObject(5), (Double) rs.getObject(6), rs.getLong(7)});
        }
      }
    } catch (java.sql.SQLException e) {
      throw new UncheckedIOException(new IOException(e));
    }
    return out;
  }

  private static void closeTo(String what, Double rolled, Double duck) {
    if (rolled == null || duck == null) {
      assertThat(rolled).as(what).isEqualTo(duck);
      return;
    }
    assertThat(Math.abs(rolled - duck)).as(what + ": " + rolled + " vs " + duck).isLessThanOrEqualTo(1e-9 * Math.abs(duck));
  }
}
