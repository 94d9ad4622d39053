package ai.digitaltwin.jobs.rows;

import static ai.digitaltwin.jobs.rows.Cells.str;
import static ai.digitaltwin.jobs.rows.Cells.ts;

import ai.digitaltwin.jobs.decode.Consumed;
import ai.digitaltwin.schemas.BehaviorEvent;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;

/** A behaviour event as a row of {@code behavior_events}. */
public final class BehaviorRows implements MapFunction<Consumed<BehaviorEvent>, RowData> {
  @Override
  public RowData map(Consumed<BehaviorEvent> in) {
    BehaviorEvent e = in.event();
    return GenericRowData.of(
        str(e.getEventId()),
        str(e.getTwinId()),
        ts(e.getTs()),
        str(e.getKind()),
        str(e.getActivity()),
        str(e.getPreviousActivity()),
        e.getDurationMin(),
        e.getSteps(),
        e.getEnergy(),
        e.getStress());
  }
}
