package ai.digitaltwin.api.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The prepared statements of one connection (one thread), by SQL text, least recently used dropped
 * beyond {@code capacity}: the API asks the same few questions over and over, and preparing is a fair
 * share of a small query. They are dropped whenever the views were replaced (a new Iceberg snapshot):
 * DuckDB does not always re-bind a prepared statement to a replaced view (one prepared over a table's
 * empty view kept answering from it after the first commit). A statement whose execution failed is
 * dropped, since the driver may have closed it.
 */
final class StatementCache {
  private final Connection connection;
  private final Map<String, PreparedStatement> statements;
  private long viewsVersion = -1;

  StatementCache(Connection connection, int capacity) {
    this.connection = connection;
    this.statements =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= capacity) {
              return false;
            }
            close(eldest.getValue());
            return true;
          }
        };
  }

  /** The statement for {@code sql}, prepared against the views of {@code viewsVersion} or later. */
  PreparedStatement get(String sql, long viewsVersion) throws SQLException {
    if (viewsVersion != this.viewsVersion) {
      statements.values().forEach(StatementCache::close);
      statements.clear();
      this.viewsVersion = viewsVersion;
    }
    PreparedStatement statement = statements.get(sql);
    if (statement == null || statement.isClosed()) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  void drop(String sql) {
    PreparedStatement statement = statements.remove(sql);
    if (statement != null) {
      close(statement);
    }
  }

  private static void close(PreparedStatement statement) {
    try {
      statement.close();
    } catch (SQLException ignored) {
      // dropping it anyway
    }
  }
}
