package ai.digitaltwin.jobs.rows;

import static ai.digitaltwin.jobs.rows.Cells.str;
import static ai.digitaltwin.jobs.rows.Cells.ts;

import ai.digitaltwin.schemas.Anomaly;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;

/** An anomaly episode (opened or closed) as a row of {@code anomalies}. */
public final class AnomalyRows implements MapFunction<Anomaly, RowData> {
  @Override
  public RowData map(Anomaly a) {
    return GenericRowData.of(
        str(a.getEventId()),
        str(a.getTwinId()),
        ts(a.getTs()),
        str(a.getType()),
        str(a.getLayer()),
        str(a.getSeverity()),
        a.getScore(),
        ts(a.getStartTs()),
        ts(a.getEndTs()),
        str(a.getEvidence()),
        str(a.getDetectorVersion()));
  }
}
