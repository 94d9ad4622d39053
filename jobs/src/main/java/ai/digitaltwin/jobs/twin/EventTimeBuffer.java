package ai.digitaltwin.jobs.twin;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * One twin's inputs waiting for the watermark, by event time (keyed state of the calling operator).
 * Taken out one instant at a time as event-time timers fire, which is already in order, or up to the
 * newest reading, sorted, when the watermark stands still.
 */
final class EventTimeBuffer {
  private final MapState<Long, List<TwinInput>> waiting;
  private final TypeSerializer<TwinInput> copier;

  private EventTimeBuffer(MapState<Long, List<TwinInput>> waiting, TypeSerializer<TwinInput> copier) {
    this.waiting = waiting;
    this.copier = copier;
  }

  static EventTimeBuffer open(RuntimeContext context, StateTtlConfig ttl) {
    MapStateDescriptor<Long, List<TwinInput>> descriptor =
        new MapStateDescriptor<>("inputs-by-event-time", Types.LONG, Types.LIST(TwinInput.TYPE));
    descriptor.enableTimeToLive(ttl);
    return new EventTimeBuffer(context.getMapState(descriptor), context.createSerializer(TwinInput.TYPE));
  }

  /**
   * Keeps a deep copy: the job reuses objects, so the network input deserializes the next record into
   * the Avro event of this one, and a heap state backend keeps references, not bytes.
   */
  void add(TwinInput in) throws Exception {
    List<TwinInput> at = waiting.get(in.ts());
    List<TwinInput> inputs = at == null ? new ArrayList<>(1) : new ArrayList<>(at);
    inputs.add(copier.copy(in));
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

  /**
   * Every input up to the newest health reading waiting, in {@link TwinInput#EVENT_TIME_ORDER}; what
   * lies beyond it (behaviour read ahead of the readings) stays.
   */
  List<TwinInput> takeThroughLastReading() throws Exception {
    List<TwinInput> inputs = new ArrayList<>();
    for (List<TwinInput> at : waiting.values()) {
      inputs.addAll(at);
    }
    inputs.sort(TwinInput.EVENT_TIME_ORDER);
    int end = inputs.size();
    while (end > 0 && inputs.get(end - 1).health() == null) {
      end--;
    }
    List<TwinInput> taken = new ArrayList<>(inputs.subList(0, end));
    for (TwinInput in : taken) {
      List<TwinInput> at = new ArrayList<>(waiting.get(in.ts()));
      at.remove(in);
      if (at.isEmpty()) {
        waiting.remove(in.ts());
      } else {
        waiting.put(in.ts(), at);
      }
    }
    if (waiting.isEmpty()) {
      waiting.clear();
    }
    return taken;
  }

  boolean isEmpty() throws Exception {
    return waiting.isEmpty();
  }
}
