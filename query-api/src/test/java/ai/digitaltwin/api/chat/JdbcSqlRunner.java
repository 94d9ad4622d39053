package ai.digitaltwin.api.chat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The SqlRunner contract over one JDBC connection, one statement per query (test code). */
final class JdbcSqlRunner implements SqlRunner {
  private final Connection connection;

  JdbcSqlRunner(Connection connection) {
    this.connection = connection;
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
