package ai.digitaltwin.api.history;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/** The DuckDB view text for an Iceberg table: its current data files, or an empty relation of its shape. */
final class ViewDefinitions {
  private ViewDefinitions() {}

  static String view(String name, Schema schema, List<String> dataFiles, boolean oneSchema) {
    return "CREATE OR REPLACE VIEW " + quote(name) + " AS " + select(schema, dataFiles, oneSchema);
  }

  /**
   * A SELECT of the table's columns over exactly these files (none: an empty relation of its shape).
   * {@code oneSchema}: the table never had another schema, so every file has the same columns.
   */
  static String select(Schema schema, List<String> dataFiles, boolean oneSchema) {
    if (dataFiles.isEmpty()) {
      return "SELECT " + emptyColumns(schema) + " WHERE false";
    }
    String columns =
        schema.columns().stream().map(f -> quote(f.name())).collect(Collectors.joining(", "));
    String files =
        dataFiles.stream().map(ViewDefinitions::literal).collect(Collectors.joining(", ", "[", "]"));
    if (oneSchema) {
      return "SELECT " + columns + " FROM read_parquet(" + files + ")";
    }
    // union_by_name: files written before a column was added simply lack it; it costs a third of a
    // small query's time, so it is left out while the table has had only one schema. A column no file
    // has yet (just added) comes from the empty relation of the table's shape it is united with.
    return "SELECT " + columns + " FROM (SELECT " + emptyColumns(schema) + " WHERE false UNION ALL BY NAME SELECT * FROM read_parquet("
        + files + ", union_by_name = true))";
  }

  private static String emptyColumns(Schema schema) {
    return schema.columns().stream()
        .map(f -> "CAST(NULL AS " + duckType(f.type()) + ") AS " + quote(f.name()))
        .collect(Collectors.joining(", "));
  }

  static String duckType(Type type) {
    return switch (type.typeId()) {
      case STRING, UUID -> "VARCHAR";
      case INTEGER -> "INTEGER";
      case LONG -> "BIGINT";
      case DOUBLE -> "DOUBLE";
      case FLOAT -> "FLOAT";
      case BOOLEAN -> "BOOLEAN";
      case DATE -> "DATE";
      case TIMESTAMP -> ((Types.TimestampType) type).shouldAdjustToUTC() ? "TIMESTAMPTZ" : "TIMESTAMP";
      case BINARY, FIXED -> "BLOB";
      case LIST -> duckType(((Types.ListType) type).elementType()) + "[]";
      default -> "VARCHAR";
    };
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
