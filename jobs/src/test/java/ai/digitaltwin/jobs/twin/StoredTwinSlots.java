package ai.digitaltwin.jobs.twin;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.util.Collector;

/** Reads {@link TwinStateFunction}'s keyed state out of a savepoint, one line per twin of what it holds. */
public final class StoredTwinSlots extends KeyedStateReaderFunction<String, String> {
  private transient ValueState<TwinSlot> slot;

  @Override
  public void open(OpenContext context) {
    slot = getRuntimeContext().getState(TwinStateFunction.slotState());
  }

  @Override
  public void readKey(String twin, Context context, Collector<String> out) throws Exception {
    TwinSlot s = slot.value();
    TwinModel m = s.model;
    out.collect("twin-slot " + twin + ": " + (m == null ? "no model" : "readings " + m.readings + ", version " + m.version
        + ", heart rate " + m.heartRate + ", activity " + m.activity));
  }
}
