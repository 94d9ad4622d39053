package ai.digitaltwin.jobs.health;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.util.Collector;

/** Reads {@link HealthSteps}' keyed state out of a savepoint, one line per twin of what it holds. */
public final class StoredHealthSlots extends KeyedStateReaderFunction<String, String> {
  private transient ValueState<HealthSlot> slot;

  @Override
  public void open(OpenContext context) {
    slot = getRuntimeContext().getState(HealthSteps.slot());
  }

  @Override
  public void readKey(String twin, Context context, Collector<String> out) throws Exception {
    HealthSlot s = slot.value();
    out.collect("health-slot " + twin + ": ids " + s.seen.size + ", last reading " + s.detector.lastTs
        + " at " + s.detector.lastHeartRate + " bpm, resting readings " + s.detector.restCount
        + ", zone " + s.detector.zone);
  }
}
