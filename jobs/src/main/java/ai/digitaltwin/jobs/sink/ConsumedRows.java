package ai.digitaltwin.jobs.sink;

import static ai.digitaltwin.catalog.TableDefinitions.KAFKA_OFFSET;
import static ai.digitaltwin.catalog.TableDefinitions.KAFKA_PARTITION;

import ai.digitaltwin.catalog.TableDefinitions;
import ai.digitaltwin.jobs.ingest.Consumed;
import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.types.Types.NestedField;

/**
 * Decoded events as rows of their table: the event's columns ({@link RecordRows}), and the Kafka
 * partition and offset it was read from where the table keeps them ({@code health_events}).
 */
public final class ConsumedRows<T extends SpecificRecord> implements MapFunction<Consumed<T>, RowData> {
  private final RecordRows<T> events;
  /** Positions of the Kafka columns, -1 where the table has none. */
  private final int partition;
  private final int offset;

  public ConsumedRows(Class<T> type, String table) {
    this.events = RecordRows.of(type, table, Set.of(KAFKA_PARTITION, KAFKA_OFFSET));
    List<NestedField> columns = TableDefinitions.of(table).schema().columns();
    this.partition = columns.indexOf(KAFKA_PARTITION);
    this.offset = columns.indexOf(KAFKA_OFFSET);
  }

  @Override
  public RowData map(Consumed<T> in) {
    GenericRowData row = events.map(in.event());
    if (partition >= 0) {
      row.setField(partition, in.partition());
    }
    if (offset >= 0) {
      row.setField(offset, in.offset());
    }
    return row;
  }
}
