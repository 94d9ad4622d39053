package ai.digitaltwin.jobs.sink;

import static ai.digitaltwin.jobs.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.digitaltwin.catalog.TableDefinitions;
import ai.digitaltwin.jobs.Events;
import ai.digitaltwin.jobs.ingest.Consumed;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import java.util.List;
import org.apache.flink.table.data.GenericRowData;
import org.junit.jupiter.api.Test;

class RowRecordsTest {
  @Test
  void readsAHealthRowBackAsTheReadingItWasWrittenFrom() {
    ConsumedRows<HealthEvent> rows = new ConsumedRows<>(HealthEvent.class, Tables.HEALTH_EVENTS);
    RowRecords<HealthEvent> records = RowRecords.of(HealthEvent.class, Tables.HEALTH_EVENTS);
    HealthEvent sparse = HealthEvent.newBuilder().setEventId("e").setTwinId("twin-1").setTs(T0.plusMillis(1)).setSource("wearable").build();

    for (HealthEvent e : List.of(Events.reading("twin-1", T0, 71.5), sparse)) {
      assertThat(records.record(rows.map(new Consumed<>("twin-1", e.getEventId(), 0L, 3, 4_711L, e)))).isEqualTo(e);
    }
  }

  @Test
  void refusesARecordWithFlattenedFields() {
    assertThatThrownBy(() -> RowRecords.of(TwinRegistryEvent.class, Tables.TWIN_REGISTRY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("twin_registry rows are not read back as TwinRegistryEvent: only a record whose every field is a column of its own, not a list, is");
  }

  @Test
  void findsAColumnByNameInATableOrAProjection() {
    GenericRowData row = GenericRowData.of(null, null, org.apache.flink.table.data.TimestampData.fromEpochMillis(T0.toEpochMilli()));

    assertThat(Columns.position(TableDefinitions.HEALTH_EVENTS, "kafka_offset")).isEqualTo(16);
    assertThat(Columns.position(TableDefinitions.HEALTH_EVENTS.select("ts", "steps"), "steps")).isEqualTo(1);
    assertThat(Columns.millis(row, 2)).isEqualTo(T0.toEpochMilli());
    assertThatThrownBy(() -> Columns.position(TableDefinitions.GROUND_TRUTH, "end"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no column end among [event_id, twin_id, ts, type, start_ts, end_ts, severity]");
  }
}
