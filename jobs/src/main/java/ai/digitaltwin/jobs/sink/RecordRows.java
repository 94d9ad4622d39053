package ai.digitaltwin.jobs.sink;

import ai.digitaltwin.catalog.TableDefinitions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.types.Types.NestedField;

/**
 * Avro records as rows of the table derived from their schema: one mapping for every event table, in
 * the table's column order, nested records flattened. Where a record holds each column's value is worked
 * out once, when the mapping is made ({@link AvroCell}, by column id); a row is then one pass over those
 * cells, with no lookup by name: the health rows are on the stream job's hottest path.
 */
public final class RecordRows<T extends SpecificRecord> implements MapFunction<T, RowData> {
  private final int width;
  private final AvroCell[] cells;

  private RecordRows(int width, AvroCell[] cells) {
    this.width = width;
    this.cells = cells;
  }

  /** The rows of {@code table}, all of whose columns a {@code type} holds. */
  public static <T extends SpecificRecord> RecordRows<T> of(Class<T> type, String table) {
    return of(type, table, Set.of());
  }

  /** As {@link #of(Class, String)}, with the {@code tableOwn} columns left null for the caller to set. */
  static <T extends SpecificRecord> RecordRows<T> of(Class<T> type, String table, Set<NestedField> tableOwn) {
    AvroCell[] cells = AvroCell.of(SpecificData.get().getSchema(type), table);
    List<NestedField> columns = TableDefinitions.of(table).schema().columns();
    List<String> unheld = new ArrayList<>();
    for (int position = 0; position < cells.length; position++) {
      if (cells[position] == null && !tableOwn.contains(columns.get(position))) {
        unheld.add(columns.get(position).name());
      }
    }
    if (!unheld.isEmpty()) {
      throw new IllegalArgumentException(table + " has columns no " + type.getSimpleName() + " holds: " + unheld);
    }
    return new RecordRows<>(cells.length, Arrays.stream(cells).filter(Objects::nonNull).toArray(AvroCell[]::new));
  }

  @Override
  public GenericRowData map(T record) {
    GenericRowData row = new GenericRowData(width);
    for (AvroCell cell : cells) {
      row.setField(cell.position(), cell.cellOf(record));
    }
    return row;
  }
}
