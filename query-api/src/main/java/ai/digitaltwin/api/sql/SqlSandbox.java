package ai.digitaltwin.api.sql;

import ai.digitaltwin.api.error.ApiException;
import ai.digitaltwin.api.history.HistoryQueryException;
import ai.digitaltwin.api.history.IcebergTables;
import ai.digitaltwin.api.history.IcebergViews;
import ai.digitaltwin.api.history.QueryResult;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.schemas.Tables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * User SQL runs in its own in-memory DuckDB database, never in the one the API uses for itself: the
 * lockdown settings are database-wide, and a view replaced here could not mislead the REST endpoints.
 * The database gets the same Iceberg views, then is locked: no extension loading, files only under the
 * warehouse, memory and thread limits, no external access, and the configuration frozen. DuckDB still
 * lets any SQL text write inside allowed directories, replace views or run several statements, so a
 * text is accepted only when {@code json_serialize_sql} parses it as exactly one SELECT; the views are
 * still replaced by the refresher on the root connection, which is DDL, not configuration.
 */
public final class SqlSandbox implements AutoCloseable {
  private final TwinHistory database;
  private final SqlConfig config;
  private final SqlGuard guard;
  private final SharedMemory memory = new SharedMemory();

  private SqlSandbox(TwinHistory database, SqlConfig config, Consumer<String> refused) {
    this.database = database;
    this.config = config;
    this.guard = new SqlGuard(database, refused);
  }

  public static SqlSandbox open(
      IcebergTables iceberg,
      Path warehouse,
      SqlConfig config,
      Duration poll,
      TwinHistory.Listener listener,
      Consumer<String> refused) {
    List<String> lockdown =
        List.of(
            "SET allowed_directories = ['" + warehouse.toAbsolutePath().toString().replace("'", "''") + "']",
            "SET memory_limit = '" + config.memoryLimit() + "'",
            "SET threads = " + config.threads(),
            "SET enable_external_access = false",
            "SET lock_configuration = true");
    TwinHistory database =
        TwinHistory.open(new IcebergViews(iceberg, Tables.ALL), config.timeout(), poll, listener, lockdown);
    return new SqlSandbox(database, config, refused);
  }

  /** An answer of the SQL endpoint: at most {@code limit} rows, and whether there were more. */
  public record Answer(List<String> columns, List<List<Object>> rows, boolean truncated, long elapsedMs) {}

  public Answer run(String sql, Integer requestedLimit) {
    int limit = requestedLimit == null ? config.maxRows() : requestedLimit;
    if (limit < 1 || limit > config.maxRows()) {
      throw ApiException.badRequest("limit must be in 1.." + config.maxRows() + ", got " + limit, "limit");
    }
    long start = System.nanoTime();
    QueryResult result;
    try {
      // the check runs in the sandbox too, so it shares the memory limit and its retry
      result = memory.run(left -> database.query(guard.check(sql, limit + 1), List.of(), limit + 1, left), config.timeout());
    } catch (HistoryQueryException e) {
      long elapsed = System.nanoTime() - start;
      if (elapsed >= config.timeout().toNanos() || String.valueOf(e.getMessage()).contains("Interrupt")) {
        throw ApiException.badRequest(
            "Query exceeded the time limit of " + config.timeout().toSeconds() + " s", "sql");
      }
      throw ApiException.badRequest("Query failed: " + e.getMessage(), "sql");
    }
    boolean truncated = result.rows().size() > limit;
    List<List<Object>> rows = truncated ? result.rows().subList(0, limit) : result.rows();
    return new Answer(result.columns(), rows, truncated, (System.nanoTime() - start) / 1_000_000);
  }

  /** Brings the sandbox's views up to date now (tests, and right after a known commit). */
  public void refreshNow() {
    database.refreshNow();
  }

  @Override
  public void close() {
    database.close();
  }
}
