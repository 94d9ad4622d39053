package ai.digitaltwin.jobs.twin;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.util.Collector;

/** Reads a {@link Dedup} step's keyed state out of a savepoint, one line per twin of what it holds. */
public final class StoredSeenIds extends KeyedStateReaderFunction<String, String> {
  private final String step;
  private transient ValueState<SeenIds> seen;

  public StoredSeenIds(String step) {
    this.step = step;
  }

  @Override
  public void open(OpenContext context) {
    seen = getRuntimeContext().getState(Dedup.seen());
  }

  @Override
  public void readKey(String twin, Context context, Collector<String> out) throws Exception {
    SeenIds s = seen.value();
    out.collect(step + " " + twin + ": ids " + s.size);
  }
}
