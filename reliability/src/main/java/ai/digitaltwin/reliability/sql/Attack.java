package ai.digitaltwin.reliability.sql;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One hostile SQL text. {@code mayRunCut}: a resource attack, which is right when refused, stopped by the
 * time or memory limit, or answered with the row cap applied; everything else must be refused outright.
 */
record Attack(String family, String sql, boolean mayRunCut) {

  static List<Attack> all(Path warehouse, Path dataDir) {
    String wh = warehouse.toAbsolutePath().toString();
    String secrets = dataDir.resolve("secrets").toAbsolutePath().toString();
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
        "COPY health_events TO '" + wh + "/rel-evil.parquet' (FORMAT parquet)",
        "COPY health_events FROM '/etc/passwd'",
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
        "CREATE OR REPLACE VIEW health_events AS SELECT 1 AS x",
        "DROP VIEW health_events",
        "ALTER VIEW twin_state RENAME TO twin_state_old",
        "CREATE TABLE rel_evil AS SELECT 1 AS x",
        "CREATE MACRO count_star() AS 42",
        "DELETE FROM health_events",
        "INSERT INTO twin_registry SELECT * FROM twin_registry",
        "UPDATE health_events SET heart_rate = 0",
        "CHECKPOINT");
    refuse(a, "multi-statement",
        "SELECT 1; DROP VIEW health_events",
        "SELECT 1; SET enable_external_access = true",
        "SELECT 1 --\n; DROP VIEW health_events",
        "SELECT 1 /* ; */ ; CREATE TABLE rel_evil (a INT)",
        "SELECT 1) AS q; DROP VIEW health_events; SELECT * FROM (SELECT 1",
        "WITH x AS (SELECT 1) SELECT * FROM x; COPY (SELECT 1) TO '/tmp/rel-evil2.csv'");
    cut(a, "resource exhaustion",
        "SELECT count(*) FROM range(1000000000) a, range(1000000000) b",
        "SELECT count(*) FROM health_events a, health_events b, health_events c",
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
      out.add(new Attack(family, s, false));
    }
  }

  private static void cut(List<Attack> out, String family, String... sql) {
    for (String s : sql) {
      out.add(new Attack(family, s, true));
    }
  }
}
