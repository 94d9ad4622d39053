package ai.digitaltwin.reliability.sql;

import ai.digitaltwin.schemas.Tables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One hostile SQL text. {@code mayRunCut}: a resource attack, which is right when refused, stopped by the
 * time or memory limit, or answered with the row cap applied; everything else must be refused outright.
 * {@code message}, when given, is the exact refusal the API must answer with.
 */
record Attack(String family, String sql, boolean mayRunCut, String message) {
  static final String NOT_SELECT =
      "Only a single read-only SELECT statement is accepted; DELETE, INSERT, UPDATE, COPY, SET, PRAGMA and DDL are refused";
  static final String VIEWS_ONLY = " is not allowed here: SQL reads the project's views (information_schema.tables and "
      + "information_schema.columns list them), not DuckDB's settings, catalog or files";


  static List<Attack> all(Path warehouse, Path dataDir) {
    String wh = warehouse.toAbsolutePath().toString();
    String secrets = dataDir.resolve("secrets").toAbsolutePath().toString();
    String health = Tables.HEALTH_EVENTS;
    String state = Tables.TWIN_STATE;
    String registry = Tables.TWIN_REGISTRY;
    List<Attack> a = new ArrayList<>();
    refuse(a, "file access",
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM read_text('/etc/passwd')",
        "SELECT content FROM read_blob('/proc/self/environ')",
        "SELECT * FROM '/etc/passwd'",
        "SELECT * FROM glob('/*')",
        "SELECT * FROM read_text('" + secrets + "/jwt-secret')",
        "SELECT * FROM read_csv('" + wh + "/../secrets/admin-password')",
        "SELECT * FROM read_parquet('" + wh + "/../../../../etc/passwd')");
    refuse(a, "COPY",
        "COPY (SELECT 1) TO '/tmp/rel-evil.csv'",
        "COPY " + health + " TO '" + wh + "/rel-evil.parquet' (FORMAT parquet)",
        "COPY " + health + " FROM '/etc/passwd'",
        "EXPORT DATABASE '/tmp/rel-evil-export'");
    refuse(a, "ATTACH",
        "ATTACH '/tmp/rel-evil.duckdb' AS evil",
        "ATTACH ':memory:' AS scratch",
        "DETACH memory");
    refuse(a, "INSTALL/LOAD",
        "INSTALL httpfs",
        "LOAD httpfs",
        "LOAD '/tmp/rel-evil.duckdb_extension'",
        "FORCE INSTALL iceberg FROM core_nightly");
    refuse(a, "SET/RESET",
        "SET enable_external_access = true",
        "RESET lock_configuration",
        "SET memory_limit = '64GB'",
        "SET allowed_directories = ['/']",
        "PRAGMA threads = 64",
        "SELECT set_config('enable_external_access', 'true')");
    refuse(a, "DDL and view replacement",
        "CREATE OR REPLACE VIEW " + health + " AS SELECT 1 AS x",
        "DROP VIEW " + health,
        "ALTER VIEW " + state + " RENAME TO " + state + "_old",
        "CREATE TABLE rel_evil AS SELECT 1 AS x",
        "CREATE MACRO count_star() AS 42",
        "DELETE FROM " + health,
        "INSERT INTO " + registry + " SELECT * FROM " + registry,
        "UPDATE " + health + " SET heart_rate = 0",
        "CHECKPOINT");
    refuse(a, "multi-statement",
        "SELECT 1; DROP VIEW " + health,
        "SELECT 1; SET enable_external_access = true",
        "SELECT 1 --\n; DROP VIEW " + health,
        "SELECT 1 /* ; */ ; CREATE TABLE rel_evil (a INT)",
        "SELECT 1) AS q; DROP VIEW " + health + "; SELECT * FROM (SELECT 1",
        "WITH x AS (SELECT 1) SELECT * FROM x; COPY (SELECT 1) TO '/tmp/rel-evil2.csv'");
    exact(a, "DuckDB catalog and settings",
        "SELECT * FROM duckdb_settings()", "Table function duckdb_settings" + VIEWS_ONLY,
        "SELECT value FROM duckdb_settings() WHERE name = 'allowed_directories'", "Table function duckdb_settings" + VIEWS_ONLY,
        "SELECT * FROM duckdb_views()", "Table function duckdb_views" + VIEWS_ONLY,
        "SELECT * FROM duckdb_secrets()", "Table function duckdb_secrets" + VIEWS_ONLY,
        "SELECT * FROM duckdb_extensions()", "Table function duckdb_extensions" + VIEWS_ONLY,
        "SELECT * FROM pragma_version()", "Table function pragma_version" + VIEWS_ONLY,
        "SELECT * FROM glob('" + wh + "/**')", "Table function glob" + VIEWS_ONLY,
        "SELECT * FROM query('SELECT * FROM duckdb_settings()')", "Table function query" + VIEWS_ONLY,
        "SELECT * FROM pg_settings", "Table pg_settings" + VIEWS_ONLY,
        "SELECT view_definition FROM information_schema.views", "Table information_schema.views" + VIEWS_ONLY,
        "SELECT current_setting('allowed_directories')", "Function current_setting" + VIEWS_ONLY,
        "SELECT pg_get_viewdef('" + health + "')", "Function pg_get_viewdef" + VIEWS_ONLY);
    exact(a, "not a query",
        "DELETE FROM " + health + " WHERE true", NOT_SELECT,
        "UPDATE " + state + " SET mood = 'x'", NOT_SELECT);
    cut(a, "resource exhaustion",
        "SELECT count(*) FROM range(1000000000) a, range(1000000000) b",
        "SELECT count(*) FROM " + health + " a, " + health + " b, " + health + " c",
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r",
        "WITH RECURSIVE r(s) AS (SELECT 'x' UNION ALL SELECT s || s FROM r) SELECT max(length(s)) FROM r",
        "SELECT length(repeat('x', 2000000000))",
        "SELECT len(range(300000000))",
        "SELECT length(lpad('x', 2000000000, 'y'))",
        "SELECT length(printf('%2000000000d', 1))",
        "SELECT len(list_resize([1], 2000000000))",
        "SELECT list(range) FROM range(2000000000)",
        "SELECT * FROM range(100000000)");
    return a;
  }

  private static void refuse(List<Attack> out, String family, String... sql) {
    for (String s : sql) {
      out.add(new Attack(family, s, false, null));
    }
  }

  /** Pairs of a text and the exact message it must be refused with. */
  private static void exact(List<Attack> out, String family, String... sqlAndMessage) {
    for (int i = 0; i < sqlAndMessage.length; i += 2) {
      out.add(new Attack(family, sqlAndMessage[i], false, sqlAndMessage[i + 1]));
    }
  }

  private static void cut(List<Attack> out, String family, String... sql) {
    for (String s : sql) {
      out.add(new Attack(family, s, true, null));
    }
  }
}
