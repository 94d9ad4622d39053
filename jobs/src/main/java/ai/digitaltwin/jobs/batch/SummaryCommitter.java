package ai.digitaltwin.jobs.batch;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.iceberg.flink.TableLoader;

/**
 * The rollup job's last step (parallelism 1, BATCH): gathers the summary rows and, when its input ends,
 * commits them with {@link SummaryCommit}, inside the job. So the job does the same wherever it runs: on
 * a local environment, or submitted as a jar to a session cluster, where the submitting side cannot
 * collect rows. What was committed is reported as accumulators ({@link #DAYS}, {@link #ROWS},
 * {@link #SNAPSHOT}), which the job's result and Flink's REST API both show.
 */
final class SummaryCommitter extends AbstractStreamOperator<Void>
    implements OneInputStreamOperator<DayStats, Void>, BoundedOneInput {
  static final String DAYS = "rollup-days";
  static final String ROWS = "rollup-rows";
  static final String SNAPSHOT = "rollup-snapshot-id";
  private static final long serialVersionUID = 1L;

  private final TableLoader summaries;
  private final RollupPlan plan;
  private transient List<DayStats> rows;
  private transient LongCounter days;
  private transient LongCounter written;
  private transient LongCounter snapshot;

  SummaryCommitter(TableLoader summaries, RollupPlan plan) {
    this.summaries = summaries;
    this.plan = plan;
  }

  @Override
  public void open() throws Exception {
    super.open();
    rows = new ArrayList<>();
    days = new LongCounter();
    written = new LongCounter();
    snapshot = new LongCounter();
    getRuntimeContext().addAccumulator(DAYS, days);
    getRuntimeContext().addAccumulator(ROWS, written);
    getRuntimeContext().addAccumulator(SNAPSHOT, snapshot);
  }

  @Override
  public void processElement(StreamRecord<DayStats> element) {
    rows.add(element.getValue());
  }

  @Override
  public void endInput() throws Exception {
    summaries.open();
    try (summaries) {
      SummaryCommit.Committed done = SummaryCommit.commit(summaries.loadTable(), plan, rows);
      days.add(done.days());
      written.add(done.rows());
      snapshot.add(done.snapshotId());
    }
  }
}
