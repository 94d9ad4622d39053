package ai.digitaltwin.api;

import static ai.digitaltwin.api.AuthApiTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.schemas.Tables;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-only SQL endpoint and its lockdown, on a real sandboxed DuckDB over real Iceberg files. */
class SqlApiTest {
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  @TempDir static Path dir;
  static TwinCatalog catalog;
  static TestApi api;
  static String analyst;

  @BeforeAll
  static void start() throws Exception {
    catalog = TestApi.catalog(dir);
    List<Map<String, Object>> readings = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      readings.add(TwinApiTest.reading(i < 15 ? "twin-a" : "twin-b", T0.plusSeconds(60L * i), 60.0 + i));
    }
    TableWriter.append(catalog, Tables.HEALTH_EVENTS, readings);
    api = TestApi.start(dir, catalog, Map.of());
    analyst = api.tokenWithRole("sam", "analyst");
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  static HttpResponse<String> sql(String text) throws Exception {
    return api.post("/api/v1/sql", analyst, Map.of("sql", text));
  }

  static JsonNode ok(String text) throws Exception {
    HttpResponse<String> response = sql(text);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestApi.json(response);
  }

  static void refused(String text) throws Exception {
    HttpResponse<String> response = sql(text);
    assertError(response, 400, "bad_request");
    assertThat(TestApi.json(response).get("field").asText()).as(text).isEqualTo("sql");
  }

  @Test
  void anAnalystQueriesTheViews() throws Exception {
    JsonNode body = ok("SELECT twin_id, count(*) AS n, max(heart_rate) AS top FROM health_events GROUP BY 1 ORDER BY 1");
    assertThat(body.get("columns")).extracting(JsonNode::asText).containsExactly("twin_id", "n", "top");
    assertThat(body.get("rows").get(0).get(0).asText()).isEqualTo("twin-a");
    assertThat(body.get("rows").get(0).get(1).asInt()).isEqualTo(15);
    assertThat(body.get("rows").get(1).get(2).asDouble()).isEqualTo(79.0);
    assertThat(body.get("truncated").asBoolean()).isFalse();
    // a trailing comment or semicolon is fine
    assertThat(ok("SELECT count(*) FROM health_events; -- all").get("rows").get(0).get(0).asInt()).isEqualTo(20);
  }

  @Test
  void rowsAreLimitedAndCsvIsAvailable() throws Exception {
    HttpResponse<String> limited =
        api.post("/api/v1/sql", analyst, Map.of("sql", "SELECT range AS i FROM range(100) ORDER BY i", "limit", 10));
    JsonNode body = TestApi.json(limited);
    assertThat(body.get("rows")).hasSize(10);
    assertThat(body.get("rows").get(9).get(0).asInt()).isEqualTo(9);
    assertThat(body.get("truncated").asBoolean()).isTrue();
    HttpResponse<String> csv =
        TestApi.HTTP.send(
            api.request("/api/v1/sql", analyst)
                .header("Accept", "text/csv")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sql\": \"SELECT 1 AS a, 'x,y' AS b\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(csv.body()).isEqualTo("a,b\r\n1,\"x,y\"\r\n");
    assertError(api.post("/api/v1/sql", analyst, Map.of("sql", "SELECT 1", "limit", 0)), 400, "bad_request");
  }

  @Test
  void onlyAnalystsAndAdminsMayQuery() throws Exception {
    assertError(api.post("/api/v1/sql", api.userToken("ursula"), Map.of("sql", "SELECT 1")), 403, "forbidden");
    assertError(api.post("/api/v1/sql", null, Map.of("sql", "SELECT 1")), 401, "unauthorized");
    assertThat(api.post("/api/v1/sql", api.adminToken(), Map.of("sql", "SELECT 1")).statusCode()).isEqualTo(200);
  }

  @Test
  void everythingButOneSelectIsRefusedAndTheDataIsUnchanged() throws Exception {
    List<Path> filesBefore = warehouseFiles();
    String dataFile = filesBefore.stream().filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow().toString();
    String[] attacks = {
      "SELECT * FROM read_csv('/etc/passwd')",
      "SELECT * FROM read_text('/etc/hostname')",
      "SELECT * FROM glob('/etc/*')",
      "SELECT * FROM read_parquet('" + dir.resolve("..").toAbsolutePath() + "/*.parquet')",
      "COPY health_events TO '" + dir.resolve("warehouse/stolen.csv") + "'",
      "COPY (SELECT 1) TO '" + dataFile + "'",
      "ATTACH '" + dir.resolve("other.db") + "' AS other",
      "INSTALL httpfs",
      "LOAD httpfs",
      "SET enable_external_access = true",
      "SET lock_configuration = false",
      "RESET allowed_directories",
      "PRAGMA memory_limit='100GB'",
      "CREATE TABLE t AS SELECT 1",
      "CREATE OR REPLACE VIEW health_events AS SELECT 1 AS twin_id",
      "DROP VIEW health_events",
      "INSERT INTO health_events SELECT * FROM health_events",
      "SELECT 1; DROP VIEW health_events",
      "SELECT 1; SELECT 2",
      "SELECT * FROM query('CREATE OR REPLACE VIEW health_events AS SELECT 1')",
      "SELECT getenv('HOME')",
      "SELECT 1) AS q; DROP VIEW health_events; SELECT * FROM (SELECT 1",
      "",
      "SELEC 1",
      "CALL pragma_version()",
      "EXPORT DATABASE '" + dir.resolve("dump") + "'",
      "CHECKPOINT",
      "DETACH memory",
      "WITH RECURSIVE r(s) AS (SELECT 'x' UNION ALL SELECT s || s FROM r) SELECT max(length(s)) FROM r",
      "SELECT * FROM (WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r) t",
    };
    for (String attack : attacks) {
      refused(attack);
    }
    assertThat(warehouseFiles()).isEqualTo(filesBefore);
    assertThat(Files.exists(dir.resolve("other.db"))).isFalse();
    assertThat(ok("SELECT count(*) FROM health_events").get("rows").get(0).get(0).asInt()).isEqualTo(20);
  }

  static void refused(String text, String message) throws Exception {
    refused(text);
    assertThat(TestApi.json(sql(text)).get("message").asText()).as(text).isEqualTo(message);
  }

  @Test
  void whatIsNotAQueryIsRefusedInTheApisOwnWords() throws Exception {
    String notSelect =
        "Only a single read-only SELECT statement is accepted; DELETE, INSERT, UPDATE, COPY, SET, PRAGMA and DDL are refused";
    refused("DELETE FROM health_events", notSelect);
    refused("UPDATE health_events SET heart_rate = 0", notSelect);
    refused("SELEC 1", "The SQL could not be parsed: syntax error at or near \"SELEC\"");
  }

  @Test
  void duckDbsSettingsCatalogAndFilesAreRefusedByName() throws Exception {
    String because = " is not allowed here: SQL reads the project's views (information_schema.tables and "
        + "information_schema.columns list them), not DuckDB's settings, catalog or files";
    refused("SELECT * FROM duckdb_settings()", "Table function duckdb_settings" + because);
    refused("SELECT * FROM system.main.duckdb_settings()", "Table function duckdb_settings" + because);
    refused("SELECT count(*) FROM health_events, duckdb_views()", "Table function duckdb_views" + because);
    refused("SELECT * FROM duckdb_secrets()", "Table function duckdb_secrets" + because);
    refused("SELECT * FROM duckdb_extensions()", "Table function duckdb_extensions" + because);
    refused("SELECT * FROM pragma_version()", "Table function pragma_version" + because);
    refused("SELECT * FROM pragma_table_info('health_events')", "Table function pragma_table_info" + because);
    refused("SELECT * FROM glob('" + dir.resolve("warehouse") + "/**')", "Table function glob" + because);
    refused("SELECT * FROM read_parquet('" + warehouseFiles().get(0) + "')", "Table function read_parquet" + because);
    refused("SELECT * FROM parquet_metadata('x.parquet')", "Table function parquet_metadata" + because);
    refused("SELECT * FROM query('SELECT * FROM duckdb_settings()')", "Table function query" + because);
    refused("SELECT * FROM duckdb_tables", "Table duckdb_tables" + because);
    refused("SELECT * FROM pg_settings", "Table pg_settings" + because);
    refused("SELECT * FROM pg_catalog.pg_class", "Table pg_catalog.pg_class" + because);
    refused("SELECT view_definition FROM information_schema.views", "Table information_schema.views" + because);
    refused("SELECT * FROM sqlite_master", "Table sqlite_master" + because);
    refused("SELECT * FROM '" + warehouseFiles().get(0) + "'", "Table " + warehouseFiles().get(0) + because);
    refused("SELECT current_setting('allowed_directories')", "Function current_setting" + because);
    refused("SELECT pg_get_viewdef('health_events')", "Function pg_get_viewdef" + because);
    refused("SELECT * FROM (SELECT 1 AS x) WHERE x IN (SELECT 1 FROM duckdb_settings())", "Table function duckdb_settings" + because);
    // the views and their columns stay discoverable, and the row generators stay usable
    JsonNode views = ok("SELECT table_name FROM information_schema.tables ORDER BY 1");
    assertThat(views.get("rows")).extracting(row -> row.get(0).asText()).contains("health_events", "twin_state");
    assertThat(ok("SELECT count(*) FROM information_schema.columns WHERE table_name = 'health_events'")
        .get("rows").get(0).get(0).asInt()).isPositive();
    assertThat(ok("SELECT count(*) FROM range(5), unnest([1, 2]) AS u(x)").get("rows").get(0).get(0).asInt()).isEqualTo(10);
  }

  @Test
  void aLongRunningQueryIsStoppedAtTheTimeout() throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = sql("SELECT count(*) FROM range(100000) a, range(100000) b, range(1000) c");
    assertError(response, 400, "bad_request");
    assertThat(TestApi.json(response).get("message").asText()).isEqualTo("Query exceeded the time limit of 2 s");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(ok("SELECT count(*) FROM health_events").get("rows").get(0).get(0).asInt()).isEqualTo(20);
  }

  @Test
  void theLockedDatabaseStillFollowsNewSnapshots() throws Exception {
    TableWriter.append(catalog, Tables.HEALTH_EVENTS, List.of(TwinApiTest.reading("twin-new", T0, 70.0)));
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    int seen = 0;
    while (System.nanoTime() < deadline && seen == 0) {
      seen = ok("SELECT count(*) FROM health_events WHERE twin_id = 'twin-new'").get("rows").get(0).get(0).asInt();
    }
    assertThat(seen).isEqualTo(1);
  }

  static List<Path> warehouseFiles() throws Exception {
    try (Stream<Path> files = Files.walk(dir.resolve("warehouse"))) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
