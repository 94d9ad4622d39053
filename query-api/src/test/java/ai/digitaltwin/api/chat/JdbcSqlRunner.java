package ai.digitaltwin.api.chat;

import ai.digitaltwin.api.chat.answering.SqlRunner;
import ai.digitaltwin.api.history.QueryResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SqlRunner contract over one JDBC connection, one statement per query (test code). {@link
 * #DAILY_FIGURES} is computed from the readings per local day of the scope's zone (the API reads the
 * rollup where it holds them; the stack's DailyFiguresTest shows the two agree).
 */
final class JdbcSqlRunner implements SqlRunner {
  private static final String DAILY =
      "(SELECT twin_id, timezone('%1$s', d) AS day_start, timezone('%1$s', d + INTERVAL 1 DAY) AS day_end,"
          + " count(*) AS readings, CAST(sum(steps) AS BIGINT) AS steps,"
          + " avg(heart_rate) FILTER (WHERE heart_rate BETWEEN 20 AND 230) AS hr_mean,"
          + " count(heart_rate) FILTER (WHERE heart_rate BETWEEN 20 AND 230) AS hr_count,"
          + " avg(spo2) AS spo2_mean, count(spo2) AS spo2_count"
          + " FROM (SELECT *, date_trunc('day', timezone('%1$s', ts)) AS d FROM health_events) GROUP BY twin_id, d) AS "
          + DAILY_FIGURES;

  private final Connection connection;

  JdbcSqlRunner(Connection connection) {
    this.connection = connection;
  }

  @Override
  public QueryResult query(String sql, List<Object> params, Scope scope) {
    if (scope.zone() == null) {
      return query(sql, params);
    }
    String zone = scope.zone().normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : scope.zone().getId(); // DuckDB knows no "Z"
    return query(sql.replace(DAILY_FIGURES, DAILY.formatted(zone)), params);
  }

  @Override
  public synchronized QueryResult query(String sql, List<Object> params) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        statement.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = statement.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
          columns.add(meta.getColumnLabel(c));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int c = 1; c <= columns.size(); c++) {
            row.add(rs.getObject(c));
          }
          rows.add(row);
        }
        return new QueryResult(columns, rows);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Query failed: " + e.getMessage() + "\n" + sql, e);
    }
  }
}
