package ai.digitaltwin.jobs.sink;

import java.util.List;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types.NestedField;

/**
 * Columns of rows read from a table (or a projection of it, which keeps the table's order) by name,
 * each name looked up once, where a job is built: no code counts columns.
 */
public final class Columns {
  /** Iceberg keeps timestamps in microseconds, Flink's precision 6. */
  public static final int TIMESTAMP_PRECISION = 6;

  private Columns() {}

  /** The position of column {@code name} in rows of {@code schema}. */
  public static int position(Schema schema, String name) {
    List<NestedField> columns = schema.columns();
    for (int position = 0; position < columns.size(); position++) {
      if (columns.get(position).name().equals(name)) {
        return position;
      }
    }
    throw new IllegalArgumentException("no column " + name + " among " + columns.stream().map(NestedField::name).toList());
  }

  /** The timestamp at {@code position} in milliseconds since the epoch. */
  public static long millis(RowData row, int position) {
    return row.getTimestamp(position, TIMESTAMP_PRECISION).getMillisecond();
  }
}
