package ai.digitaltwin.jobs.rows;

import static ai.digitaltwin.jobs.rows.Cells.str;
import static ai.digitaltwin.jobs.rows.Cells.ts;

import ai.digitaltwin.jobs.decode.Consumed;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;

/** An injected anomaly as a row of {@code ground_truth}. */
public final class GroundTruthRows implements MapFunction<Consumed<GroundTruthEpisode>, RowData> {
  @Override
  public RowData map(Consumed<GroundTruthEpisode> in) {
    GroundTruthEpisode e = in.event();
    return GenericRowData.of(
        str(e.getEventId()),
        str(e.getTwinId()),
        ts(e.getTs()),
        str(e.getType()),
        ts(e.getStartTs()),
        ts(e.getEndTs()),
        e.getSeverity());
  }
}
