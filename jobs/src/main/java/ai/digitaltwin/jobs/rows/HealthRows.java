package ai.digitaltwin.jobs.rows;

import static ai.digitaltwin.jobs.rows.Cells.str;
import static ai.digitaltwin.jobs.rows.Cells.ts;

import ai.digitaltwin.jobs.decode.Consumed;
import ai.digitaltwin.schemas.HealthEvent;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;

/** A health event as a row of {@code health_events}, with the Kafka partition and offset it came from. */
public final class HealthRows implements MapFunction<Consumed<HealthEvent>, RowData> {
  @Override
  public RowData map(Consumed<HealthEvent> in) {
    HealthEvent e = in.event();
    return GenericRowData.of(
        str(e.getEventId()),
        str(e.getTwinId()),
        ts(e.getTs()),
        e.getHeartRate(),
        e.getSystolicBp(),
        e.getDiastolicBp(),
        e.getSpo2(),
        e.getBodyTempC(),
        e.getRespRate(),
        e.getHrvMs(),
        e.getSteps(),
        e.getStress(),
        e.getEnergy(),
        str(e.getActivity()),
        str(e.getSource()),
        in.partition(),
        in.offset());
  }
}
