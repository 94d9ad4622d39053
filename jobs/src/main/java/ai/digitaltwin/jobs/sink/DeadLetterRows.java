package ai.digitaltwin.jobs.sink;

import static ai.digitaltwin.jobs.sink.Cells.str;
import static ai.digitaltwin.jobs.sink.Cells.ts;

import ai.digitaltwin.jobs.ingest.DeadLetter;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;

/**
 * A poison record as a row of {@code dead_letters}, mapped by hand: a {@link DeadLetter} is no Avro record,
 * and the table's columns are declared one by one in the catalog.
 */
public final class DeadLetterRows implements MapFunction<DeadLetter, RowData> {
  @Override
  public RowData map(DeadLetter d) {
    return GenericRowData.of(
        str(d.eventId()),
        ts(d.readAt()),
        str(d.topic()),
        d.partition(),
        d.offset(),
        str(d.reason()),
        str(d.error()),
        d.raw());
  }
}
