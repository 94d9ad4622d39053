package ai.digitaltwin.jobs.sink;

import ai.digitaltwin.catalog.AvroColumns;
import ai.digitaltwin.catalog.AvroColumns.AvroColumn;
import ai.digitaltwin.catalog.TableDefinitions;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types.NestedField;

/**
 * One column of a table whose value an Avro record holds: its position in the row, where the record holds
 * it ({@link AvroColumn}) and how the record's Java value becomes Flink's internal one and back.
 */
record AvroCell(int position, int field, int subField, Kind kind) implements Serializable {
  /** How a value is converted; the Java values are those of the generated classes. */
  enum Kind {
    /** int, long, double: the boxed value itself. */
    AS_IS,
    /** String ⇄ StringData. */
    STRING,
    /** Instant (timestamp-millis) ⇄ TimestampData. */
    TIMESTAMP,
    /** List of String ⇄ an array of StringData. */
    STRINGS;

    static Kind of(Type type, String where) {
      return switch (type.typeId()) {
        case INTEGER, LONG, DOUBLE -> AS_IS;
        case STRING -> STRING;
        case TIMESTAMP -> TIMESTAMP;
        case LIST -> {
          if (type.asListType().elementType().typeId() != Type.TypeID.STRING) {
            throw new IllegalArgumentException(where + " is a " + type + "; only lists of strings are converted");
          }
          yield STRINGS;
        }
        default -> throw new IllegalArgumentException(where + " is a " + type + ", which is not converted");
      };
    }
  }

  /**
   * The cells of {@code table}'s columns that {@code record} holds, by column position; null where a
   * column is the table's own. Columns are matched by id, and each must be the column the record's
   * schema derives, so that a value is always of the type its conversion expects.
   */
  static AvroCell[] of(Schema record, String table) {
    Map<Integer, AvroColumn> held =
        AvroColumns.of(record).stream().collect(Collectors.toMap(c -> c.column().fieldId(), Function.identity()));
    List<NestedField> columns = TableDefinitions.of(table).schema().columns();
    AvroCell[] cells = new AvroCell[columns.size()];
    for (int position = 0; position < cells.length; position++) {
      NestedField column = columns.get(position);
      AvroColumn source = held.get(column.fieldId());
      if (source == null) {
        continue;
      }
      String where = table + "." + column.name();
      NestedField derived = source.column();
      if (!derived.name().equals(column.name()) || !derived.type().equals(column.type()) || derived.isOptional() != column.isOptional()) {
        throw new IllegalArgumentException(where + " (id " + column.fieldId() + ") is " + column + " but " + record.getName() + " holds " + derived);
      }
      cells[position] = new AvroCell(position, source.field(), source.subField(), Kind.of(column.type(), where));
    }
    return cells;
  }

  /** The column's value in {@code record} as a Flink cell; null when it, or the record holding it, is. */
  Object cellOf(IndexedRecord record) {
    Object value = record.get(field);
    if (subField >= 0 && value != null) {
      value = ((IndexedRecord) value).get(subField);
    }
    if (value == null) {
      return null;
    }
    return switch (kind) {
      case AS_IS -> value;
      case STRING -> StringData.fromString((String) value);
      case TIMESTAMP -> TimestampData.fromEpochMillis(((Instant) value).toEpochMilli());
      case STRINGS -> strings((List<?>) value);
    };
  }

  /**
   * A Flink cell of this column (not null) as the record's Java value. Lists are not read back: no table
   * read back into records has one.
   */
  Object valueOf(Object cell) {
    return switch (kind) {
      case AS_IS -> cell;
      case STRING -> cell.toString();
      case TIMESTAMP -> Instant.ofEpochMilli(((TimestampData) cell).getMillisecond());
      case STRINGS -> throw new UnsupportedOperationException("a list column is not read back into a record");
    };
  }

  private static GenericArrayData strings(List<?> values) {
    StringData[] cells = new StringData[values.size()];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = StringData.fromString((String) values.get(i));
    }
    return new GenericArrayData(cells);
  }
}
