package ai.digitaltwin.jobs.stream;

import ai.digitaltwin.schemas.Anomaly;
import ai.digitaltwin.schemas.TwinState;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;

/**
 * What the stream job produces: rows per Iceberg table (keyed by table name, in each table's column
 * order) and the hot-path streams for Kafka.
 */
public record StreamOutputs(
    Map<String, DataStream<RowData>> tables,
    DataStream<TwinState> states,
    DataStream<Anomaly> anomalies) {
  public StreamOutputs {
    tables = Map.copyOf(tables);
  }
}
