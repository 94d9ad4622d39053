package ai.digitaltwin.jobs.twin;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * One twin's inputs waiting for the watermark, by event time (keyed state of the calling operator).
 * Taken out one instant at a time as event-time timers fire, which is already in order, or all at once
 * and sorted.
 */
final class EventTimeBuffer {
  private final MapState<Long, List<TwinInput>> waiting;

  private EventTimeBuffer(MapState<Long, List<TwinInput>> waiting) {
    this.waiting = waiting;
  }

  static EventTimeBuffer open(RuntimeContext context, StateTtlConfig ttl) {
    MapStateDescriptor<Long, List<TwinInput>> descriptor =
        new MapStateDescriptor<>("inputs-by-event-time", Types.LONG, Types.LIST(TwinInput.TYPE));
    descriptor.enableTimeToLive(ttl);
    return new EventTimeBuffer(context.getMapState(descriptor));
  }

  void add(TwinInput in) throws Exception {
    List<TwinInput> at = waiting.get(in.ts());
    List<TwinInput> inputs = at == null ? new ArrayList<>(1) : new ArrayList<>(at);
    inputs.add(in);
    waiting.put(in.ts(), inputs);
  }

  /** The inputs of exactly {@code ts}, in {@link TwinInput#EVENT_TIME_ORDER}, removed from the buffer. */
  List<TwinInput> take(long ts) throws Exception {
    List<TwinInput> at = waiting.get(ts);
    if (at == null) {
      return List.of();
    }
    waiting.remove(ts);
    if (waiting.isEmpty()) {
      waiting.clear(); // an emptied map still holds a state entry for the twin
    }
    List<TwinInput> inputs = new ArrayList<>(at);
    inputs.sort(TwinInput.EVENT_TIME_ORDER);
    return inputs;
  }

  /** Every input waiting, in {@link TwinInput#EVENT_TIME_ORDER}; the buffer is left empty. */
  List<TwinInput> takeAll() throws Exception {
    List<TwinInput> inputs = new ArrayList<>();
    for (List<TwinInput> at : waiting.values()) {
      inputs.addAll(at);
    }
    waiting.clear();
    inputs.sort(TwinInput.EVENT_TIME_ORDER);
    return inputs;
  }

  boolean isEmpty() throws Exception {
    return waiting.isEmpty();
  }
}
