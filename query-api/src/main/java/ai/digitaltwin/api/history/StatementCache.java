package ai.digitaltwin.api.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The prepared statements of one connection (one thread), by SQL text, least recently used dropped
 * beyond {@code capacity}: the API asks the same few questions over and over, and preparing is a fair
 * share of a small query. DuckDB re-binds a prepared statement by itself when a view it reads was
 * replaced. A statement whose execution failed is dropped, since the driver may have closed it.
 */
final class StatementCache {
  private final Connection connection;
  private final Map<String, PreparedStatement> statements;

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

  PreparedStatement get(String sql) throws SQLException {
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
