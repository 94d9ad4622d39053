package ai.digitaltwin.jobs.sink;

import ai.digitaltwin.catalog.TableDefinitions;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.iceberg.flink.FlinkSchemaUtil;

/**
 * Rows of a table read back as the Avro records they were written from, the reverse of {@link
 * RecordRows}: for a record every field of which is a column of its own (none flattened, no list). The
 * table's own columns are not part of the record.
 */
public final class RowRecords<T extends SpecificRecord> implements Serializable {
  private final Class<T> type;
  private final AvroCell[] cells;
  private final RowData.FieldGetter[] getters;
  private transient Schema schema;

  private RowRecords(Class<T> type, AvroCell[] cells, RowData.FieldGetter[] getters) {
    this.type = type;
    this.cells = cells;
    this.getters = getters;
  }

  public static <T extends SpecificRecord> RowRecords<T> of(Class<T> type, String table) {
    Schema schema = SpecificData.get().getSchema(type);
    AvroCell[] cells = Arrays.stream(AvroCell.of(schema, table)).filter(Objects::nonNull).toArray(AvroCell[]::new);
    if (cells.length != schema.getFields().size()
        || Arrays.stream(cells).anyMatch(c -> c.subField() >= 0 || c.kind() == AvroCell.Kind.STRINGS)) {
      throw new IllegalArgumentException(
          table + " rows are not read back as " + type.getSimpleName() + ": only a record whose every field is a column of its own, not a list, is");
    }
    RowType row = FlinkSchemaUtil.convert(TableDefinitions.of(table).schema());
    RowData.FieldGetter[] getters = new RowData.FieldGetter[cells.length];
    for (int i = 0; i < cells.length; i++) {
      getters[i] = RowData.createFieldGetter(row.getTypeAt(cells[i].position()), cells[i].position());
    }
    return new RowRecords<>(type, cells, getters);
  }

  /** The record a full row of the table was written from. */
  @SuppressWarnings("unchecked")
  public T record(RowData row) {
    if (schema == null) {
      schema = SpecificData.get().getSchema(type);
    }
    T record = (T) SpecificData.newInstance(type, schema);
    for (int i = 0; i < cells.length; i++) {
      Object cell = getters[i].getFieldOrNull(row);
      record.put(cells[i].field(), cell == null ? null : cells[i].valueOf(cell));
    }
    return record;
  }
}
