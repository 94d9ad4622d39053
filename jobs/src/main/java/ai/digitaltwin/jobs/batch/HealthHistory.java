package ai.digitaltwin.jobs.batch;

import static ai.digitaltwin.catalog.TableDefinitions.KAFKA_OFFSET;
import static ai.digitaltwin.catalog.TableDefinitions.KAFKA_PARTITION;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TableDefinitions;
import ai.digitaltwin.jobs.ingest.Consumed;
import ai.digitaltwin.jobs.ingest.ConsumedTypes;
import ai.digitaltwin.jobs.sink.Columns;
import ai.digitaltwin.jobs.sink.IcebergInputs;
import ai.digitaltwin.jobs.sink.RowRecords;
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
    RowRecords<HealthEvent> events = RowRecords.of(HealthEvent.class, Tables.HEALTH_EVENTS);
    int partition = Columns.position(TableDefinitions.HEALTH_EVENTS, KAFKA_PARTITION.name());
    int offset = Columns.position(TableDefinitions.HEALTH_EVENTS, KAFKA_OFFSET.name());
    return IcebergInputs.read(env, catalog, Tables.HEALTH_EVENTS)
        .map(row -> consumed(events.record(row), row, partition, offset), ConsumedTypes.HEALTH)
        .name("health events")
        .uid("health-events")
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<Consumed<HealthEvent>>forBoundedOutOfOrderness(Duration.ofMinutes(1))
                .withTimestampAssigner((c, previous) -> c.ts()))
        .name("event time")
        .uid("event-time");
  }

  /** A reading with where it was read from; -1 for a row written without (none of the stream job's). */
  private static Consumed<HealthEvent> consumed(HealthEvent e, RowData row, int partition, int offset) {
    return new Consumed<>(
        e.getTwinId(), e.getEventId(), e.getTs().toEpochMilli(),
        row.isNullAt(partition) ? -1 : row.getInt(partition),
        row.isNullAt(offset) ? -1 : row.getLong(offset),
        e);
  }
}
