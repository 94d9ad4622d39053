package ai.digitaltwin.api.chat;

import ai.digitaltwin.catalog.TableDefinitions;
import ai.digitaltwin.schemas.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * DuckDB tables with exactly the columns of the Iceberg tables (derived from {@link TableDefinitions}),
 * standing in for the views the API creates over the tables' data files.
 */
final class TwinTables {
  private TwinTables() {}

  static void create(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String table : List.of(Tables.HEALTH_EVENTS, Tables.BEHAVIOR_EVENTS, Tables.TWIN_STATE,
          Tables.ANOMALIES, Tables.CHAT_MESSAGES, Tables.TWIN_REGISTRY, Tables.DAILY_SUMMARIES)) {
        statement.execute(ddl(table, TableDefinitions.of(table).schema()));
      }
    }
  }

  static String ddl(String table, Schema schema) {
    String columns = schema.columns().stream()
        .map(f -> f.name() + " " + duckType(f.type()))
        .collect(Collectors.joining(", "));
    return "CREATE TABLE " + table + " (" + columns + ")";
  }

  /**
   * Inserts rows given as values in the table's column order. A shorter row leaves the trailing columns
   * NULL: columns added to a table later are optional and come last.
   */
  static void insert(Connection connection, String table, List<Object[]> rows) throws SQLException {
    int width = TableDefinitions.of(table).schema().columns().size();
    String marks = String.join(", ", java.util.Collections.nCopies(width, "?"));
    try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
      for (Object[] row : rows) {
        if (row.length > width) {
          throw new IllegalArgumentException(table + " has " + width + " columns, row has " + row.length);
        }
        for (int i = 0; i < width; i++) {
          statement.setObject(i + 1, i < row.length ? row[i] : null);
        }
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  private static String duckType(Type type) {
    return switch (type.typeId()) {
      case STRING -> "VARCHAR";
      case TIMESTAMP -> ((Types.TimestampType) type).shouldAdjustToUTC() ? "TIMESTAMPTZ" : "TIMESTAMP";
      case DOUBLE -> "DOUBLE";
      case FLOAT -> "FLOAT";
      case INTEGER -> "INTEGER";
      case LONG -> "BIGINT";
      case DATE -> "DATE";
      case BOOLEAN -> "BOOLEAN";
      case BINARY -> "BLOB";
      case LIST -> duckType(type.asListType().elementType()) + "[]";
      default -> throw new IllegalArgumentException("No DuckDB type for " + type);
    };
  }
}
