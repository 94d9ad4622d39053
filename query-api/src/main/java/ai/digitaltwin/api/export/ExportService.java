package ai.digitaltwin.api.export;

import ai.digitaltwin.api.error.ApiException;
import ai.digitaltwin.api.history.QueryResult;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.http.Window;
import ai.digitaltwin.api.twin.RecentRegistry;
import ai.digitaltwin.schemas.Tables;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One twin's history of one table in a window, as rows (for JSON and CSV) or as a Parquet file written
 * by DuckDB's COPY into a temporary file that is deleted once it has been sent.
 */
public final class ExportService {
  /** What may be exported, and the relation it is read from. */
  public static final Map<String, String> TABLES =
      Map.of(
          Tables.HEALTH_EVENTS, Tables.HEALTH_EVENTS,
          Tables.BEHAVIOR_EVENTS, Tables.BEHAVIOR_EVENTS,
          Tables.TWIN_STATE, Tables.TWIN_STATE,
          Tables.ANOMALIES, Tables.ANOMALIES,
          Tables.CHAT_MESSAGES, Tables.CHAT_MESSAGES,
          Tables.TWIN_REGISTRY, RecentRegistry.LIVE_VIEW);

  /** Rows beyond this are refused for JSON and CSV (they are built in memory); Parquet has no limit. */
  public static final int MAX_TEXT_ROWS = 500_000;

  private final TwinHistory history;
  private final Path tempDir;

  public ExportService(TwinHistory history, Path tempDir) {
    this.history = history;
    this.tempDir = tempDir;
  }

  public QueryResult rows(String twinId, String table, Window window) {
    QueryResult result =
        history.query(select(relation(table, twinId, window), table, "?", "?", "?"), params(twinId, window), MAX_TEXT_ROWS + 1);
    if (result.rows().size() > MAX_TEXT_ROWS) {
      throw tooMany();
    }
    return result;
  }

  /** The rows written to {@code out} as a JSON array as they are read; 413 beyond {@link #MAX_TEXT_ROWS}. */
  public void writeJson(String twinId, String table, Window window, JsonGenerator out) {
    int rows =
        history.writeJson(
            select(relation(table, twinId, window), table, "?", "?", "?"), params(twinId, window), MAX_TEXT_ROWS, out);
    if (rows < 0) {
      throw tooMany();
    }
  }

  private static ApiException tooMany() {
    return new ApiException(
        413, "payload_too_large", "More than " + MAX_TEXT_ROWS + " rows: narrow from..to or ask for format=parquet", null);
  }

  /** A Parquet file of the rows; the stream deletes the file when closed. */
  public InputStream parquet(String twinId, String table, Window window) {
    try {
      Files.createDirectories(tempDir);
      Path file = Files.createTempFile(tempDir, "export-", ".parquet");
      // COPY takes no parameters: the twin id is validated ([A-Za-z0-9_-]), the times are ISO-8601 text
      String sql =
          "COPY ("
              + select(
                  relation(table, twinId, window),
                  table,
                  "'" + twinId + "'",
                  "TIMESTAMPTZ '" + window.from() + "'",
                  "TIMESTAMPTZ '" + window.to() + "'")
              + ") TO '" + file.toString().replace("'", "''") + "' (FORMAT parquet)";
      history.update(sql, List.of());
      return new FilterInputStream(new FileInputStream(file.toFile())) {
        @Override
        public void close() throws IOException {
          super.close();
          Files.deleteIfExists(file);
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What the export reads: the overlay view as it is, an Iceberg table through only the files that may
   * hold the twin in the window.
   */
  private String relation(String table, String twinId, Window window) {
    String relation = TABLES.get(table);
    return relation.equals(table) ? history.relation(table, twinId, window.from(), window.to()) : relation;
  }

  /** The export query over {@code relation} with the given SQL for the twin id and the window's ends. */
  static String select(String relation, String table, String twin, String from, String to) {
    String columns = table.equals(Tables.HEALTH_EVENTS) ? "* EXCLUDE (kafka_partition, kafka_offset)" : "*";
    return "SELECT " + columns + " FROM " + relation + " WHERE twin_id = " + twin + " AND ts >= " + from
        + " AND ts < " + to + " ORDER BY ts";
  }

  private static List<Object> params(String twinId, Window window) {
    return List.of(twinId, window.fromParam(), window.toParam());
  }
}
