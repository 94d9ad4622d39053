package ai.digitaltwin.jobs.cli;

import static ai.digitaltwin.jobs.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.jobs.IcebergRows;
import ai.digitaltwin.jobs.TestTables;
import ai.digitaltwin.schemas.Tables;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code twin batch} as a user runs it: options, errors, and two rollups in a row on a local Flink. */
class BatchMainTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int batch(Map<String, String> env, String... args) {
    return BatchMain.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void helpNamesTheJobsAndTheirOptions() {
    assertThat(batch(Map.of(), "--help")).isZero();
    assertThat(out.toString()).contains("rollup", "backtest", "maintenance", "ICEBERG_CATALOG");
    assertThat(batch(Map.of(), "backtest", "--help")).isZero();
    assertThat(out.toString()).contains("--markdown=FILE", "--json=FILE", "--parallelism=N");
  }

  @Test
  void badInputIsAMessageNotAStackTrace() {
    assertThat(batch(Map.of(), "rollups")).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument at index 0: 'rollups'");
    assertThat(batch(Map.of("TWIN_DATA_DIR", dir.toString(), "JOB_PARALLELISM", "many"), "rollup")).isEqualTo(2);
    assertThat(err.toString()).contains("twin batch rollup: JOB_PARALLELISM=many: not an integer >= 1")
        .doesNotContain("\tat ");
  }

  @Test
  void aSecondRollupInARowChangesNothing() throws Exception {
    CatalogConfig catalog = CatalogConfig.local(dir.resolve("warehouse"));
    try (TwinCatalog twins = TwinCatalog.open(catalog)) {
      twins.ensureTables();
      Table health = twins.table(Tables.HEALTH_EVENTS);
      List<Record> rows = new ArrayList<>();
      for (int m = 0; m < 3 * 24 * 60; m += 30) {
        rows.add(TestTables.health(health, reading("twin-a", m, 60 + m % 7)));
      }
      TestTables.append(health, rows);
    }
    Map<String, String> env = Map.of("TWIN_DATA_DIR", dir.toString(), "JOB_PARALLELISM", "2");

    assertThat(batch(env, "rollup")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("rollup: 4 changed days, 4 rows written, 144 readings read (all days: first rollup)");
    long snapshots = snapshots(catalog);
    out.getBuffer().setLength(0);

    assertThat(batch(env, "rollup")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("rollup: 0 changed days, 0 rows written, 0 readings read (no new input)");
    assertThat(snapshots(catalog)).isEqualTo(snapshots);
    assertThat(IcebergRows.read(catalog, Tables.DAILY_SUMMARIES)).hasSize(4);
  }

  @Test
  void backtestWritesMarkdownAndJsonOnRequest() throws Exception {
    CatalogConfig catalog = CatalogConfig.local(dir.resolve("warehouse"));
    try (TwinCatalog twins = TwinCatalog.open(catalog)) {
      twins.ensureTables();
      Table health = twins.table(Tables.HEALTH_EVENTS);
      List<Record> rows = new ArrayList<>();
      for (int m = 0; m < 120; m++) {
        rows.add(TestTables.health(health, reading("twin-a", m, m < 60 ? 70 : 130)));
      }
      TestTables.append(health, rows);
    }
    Path md = dir.resolve("report.md");
    Path json = dir.resolve("report.json");

    int code = batch(Map.of("TWIN_DATA_DIR", dir.toString()), "backtest", "--markdown", md.toString(), "--json", json.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Backtest over 120 readings", "Original fixed rules", "backtest: 120 readings");
    assertThat(Files.readString(md)).startsWith("Backtest over 120 readings");
    assertThat(Files.readString(json)).startsWith("{\"readings\":120,").contains("\"fixed_rules\":[");

    // BACKTEST_REPORT is --markdown's default
    Path fromEnv = dir.resolve("report-env.md");
    assertThat(batch(Map.of("TWIN_DATA_DIR", dir.toString(), "BACKTEST_REPORT", fromEnv.toString()), "backtest"))
        .as(err.toString()).isZero();
    assertThat(Files.readString(fromEnv)).startsWith("Backtest over 120 readings");
  }

  private static long snapshots(CatalogConfig catalog) throws Exception {
    try (TwinCatalog twins = TwinCatalog.open(catalog)) {
      int n = 0;
      for (var s : twins.table(Tables.DAILY_SUMMARIES).snapshots()) {
        n++;
      }
      return n;
    }
  }
}
