package ai.digitaltwin.jobs.batch;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.jobs.decode.Consumed;
import ai.digitaltwin.jobs.decode.ConsumedTypes;
import ai.digitaltwin.jobs.iceberg.IcebergInputs;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Tables;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;

/** {@code health_events} read back as the stream job saw them: decoded events with event-time timestamps. */
public final class HealthHistory {
  private HealthHistory() {}

  public static DataStream<Consumed<HealthEvent>> read(StreamExecutionEnvironment env, CatalogConfig catalog) {
    return IcebergInputs.read(env, catalog, Tables.HEALTH_EVENTS)
        .map(HealthHistory::consumed, ConsumedTypes.HEALTH)
        .name("health events")
        .uid("health-events")
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<Consumed<HealthEvent>>forBoundedOutOfOrderness(Duration.ofMinutes(1))
                .withTimestampAssigner((c, previous) -> c.ts()))
        .name("event time")
        .uid("event-time");
  }

  static Consumed<HealthEvent> consumed(RowData row) {
    HealthEvent e = HealthColumns.event(row);
    int partition = row.isNullAt(15) ? -1 : row.getInt(15);
    long offset = row.isNullAt(16) ? -1 : row.getLong(16);
    return new Consumed<>(e.getTwinId(), e.getEventId(), e.getTs().toEpochMilli(), partition, offset, e);
  }
}
