package ai.digitaltwin.jobs.twin;

import ai.digitaltwin.jobs.types.AvroTypeInfo;
import ai.digitaltwin.schemas.TwinState;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Evolves each twin's model and emits {@link TwinState} snapshots: once per {@code interval} of event
 * time in which the twin changed, and at once on a significant change (status or mood label flips, a
 * personality trait drifts). No snapshot before the first health reading.
 *
 * <p>Inputs are folded in event-time order, not in order of arrival: each waits in an {@link
 * EventTimeBuffer} until the watermark passes it. Health, behaviour, chat and registry come from
 * different topics, and in a backfill one topic is read hours of event time ahead of another; folded
 * as they arrive, a day would close before most of its readings came and every snapshot would carry
 * the newest time of any topic. The price is latency: the live view lags by the watermark's
 * out-of-orderness bound. An input already behind the watermark when it arrives is folded at once.
 * Each twin has one event-time timer, at its earliest waiting input or at the end of the interval it
 * owes a snapshot for; when it fires, everything the watermark has passed is folded (in a backfill the
 * watermark moves in steps, so one firing folds many inputs) and the next one is set.
 *
 * <p>When the watermark stops moving for {@code stall} of processing time (every input idle: the data
 * ended, or a chat message came while the twin sends no readings), what waits is folded anyway but for
 * trailing behaviour, and the state sent: the last readings are not held back until more data comes,
 * and a conversation changes the twin even when no wearable reports. {@code stall} should exceed the
 * sources' idleness timeout: at start-up idle topics hold the watermark back until they are declared
 * idle. Should a stall come mid-stream all the same, leaving trailing behaviour keeps behaviour read
 * ahead of the readings waiting for them; only inputs arriving later than that fold out of order.
 *
 * <p>The side output {@link #HOT_PATH} carries, of the snapshots one input or one timer sends to the
 * main output, the newest: live, a timer folds one or two inputs and the live view gets every snapshot;
 * in a backfill one firing folds many intervals of event time, and the live view, a compacted topic
 * keyed by twin, needs only where the twin stands at its end, not each step of the history (those are in
 * the state history). So that the live view does not wait for the watermark, it also gets a preview of
 * each health reading that arrives ahead of it (paced per twin unless it changes the twin's status;
 * never in the state history): the folded state with the reading's vitals and status, at the reading's time, event id
 * {@code twin@ts#live}. The folded snapshot of that reading follows once the watermark passes it. One
 * side output rather than the main output united with a side output: a sink with one input is chained to
 * this operator, with no network hop between them.
 *
 * <p>State: one {@link TwinSlot} per twin (model, waiting inputs, wake-up time, stall check), read once
 * and written once per input or timer. The model is dropped when a deletion is folded in, waiting inputs
 * leave as they are folded, and the slot is cleared once nothing is left in it; a 30-day processing-time
 * TTL since its last write drops the slot of a twin that stops sending (each access checks one other
 * twin's entry for expiry, not Flink's default five).
 */
public final class TwinStateFunction extends KeyedProcessFunction<String, TwinInput, TwinState> {
  static final Duration IDLE_TTL = Duration.ofDays(30);
  /** The pace of live previews that change no status; see {@link #preview}. */
  static final Duration LIVE_EVERY = Duration.ofSeconds(1);
  /** Every snapshot and the live previews of readings still waiting for the watermark; see the class comment. */
  public static final OutputTag<TwinState> HOT_PATH =
      new OutputTag<>("hot-path-state", AvroTypeInfo.forClass(TwinState.class));

  private final long intervalMillis;
  private final long stallMillis;
  private transient ValueState<TwinSlot> slots;
  private transient EventTimeBuffer buffer;

  public TwinStateFunction(Duration interval, Duration stall) {
    this.intervalMillis = interval.toMillis();
    this.stallMillis = stall.toMillis();
  }

  @Override
  public void open(OpenContext context) {
    slots = getRuntimeContext().getState(slotState());
    buffer = new EventTimeBuffer(getRuntimeContext().createSerializer(TwinInput.TYPE));
  }

  /** The keyed state: its name and type are what a savepoint stores it under. */
  static ValueStateDescriptor<TwinSlot> slotState() {
    ValueStateDescriptor<TwinSlot> descriptor = new ValueStateDescriptor<>("twin-slot", TwinSlot.TYPE);
    descriptor.enableTimeToLive(StateTtlConfig.newBuilder(IDLE_TTL).cleanupIncrementally(1, false).build());
    return descriptor;
  }

  @Override
  public void processElement(TwinInput in, Context ctx, Collector<TwinState> out) throws Exception {
    TwinSlot slot = slot();
    TimerService timers = ctx.timerService();
    if (in.ts() <= timers.currentWatermark()) {
      toLiveView(fold(slot, List.of(in), ctx, out), ctx); // late: the inputs around it are folded already
    } else {
      buffer.add(slot.waiting, in);
      if (slot.wakeUp == null || in.ts() < slot.wakeUp) {
        wakeUpAt(slot, in.ts(), timers);
      }
      if (in.health() != null) {
        preview(slot.model, in, ctx);
      }
    }
    if (slot.stallCheck == null) {
      armStallCheck(slot, timers);
    }
    store(slot);
  }

  /**
   * Sends a newer reading to the live view at once, so that it follows the readings rather than the
   * snapshot cadence: always when it changes the status the live view shows (compared with the last
   * preview, not only the folded state, which lags by the watermark: a flip and a flip back within that
   * lag are both shown), otherwise at most once per {@link #LIVE_EVERY} of processing time per twin. Live,
   * a twin reports far less often than that and every reading is shown; a backfill reads each twin's
   * readings much faster, and the pace keeps the hot path from carrying a preview of each of them. The
   * caller stores the slot, with the preview's status and time in its model.
   */
  private void preview(TwinModel current, TwinInput in, Context ctx) {
    if (current == null || current.readings == 0 || in.ts() < Math.max(current.latestReadingTs, current.liveTs)) {
      return;
    }
    Reading reading = in.health();
    String status = TwinModel.status(reading.heartRate(),
        reading.stress() == null ? current.stress : reading.stress(),
        reading.energy() == null ? current.energy : reading.energy());
    long now = ctx.timerService().currentProcessingTime();
    if (!status.equals(current.liveStatus()) || now - current.liveAt >= LIVE_EVERY.toMillis()) {
      ctx.output(HOT_PATH, TwinSnapshots.live(ctx.getCurrentKey(), current, reading, in.ts(), status));
      current.liveStatus = status;
      current.liveTs = in.ts();
      current.liveAt = now;
    }
  }

  /**
   * The watermark passed this twin's wake-up time: folds every input it has passed, sends the snapshot
   * of an interval it closed, and sets the next wake-up.
   */
  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<TwinState> out) throws Exception {
    TwinSlot slot = slot();
    TimerService timers = ctx.timerService();
    if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
      checkStall(slot, ctx, out);
      store(slot);
      return;
    }
    slot.wakeUp = null; // the one event-time timer of this twin has fired
    long watermark = timers.currentWatermark();
    TwinState newest = fold(slot, EventTimeBuffer.takeThrough(slot.waiting, watermark), ctx, out);
    TwinModel current = slot.model;
    if (cadenceDue(current, watermark)) {
      newest = toHistory(current.snapshot(ctx.getCurrentKey()), out);
    }
    toLiveView(newest, ctx);
    long next = EventTimeBuffer.firstTs(slot.waiting);
    if (unsent(current)) {
      next = Math.min(next, intervalEnd(current.lastTs)); // the cadence snapshot of the open interval
    }
    if (next != Long.MAX_VALUE) {
      wakeUpAt(slot, next, timers);
    }
    store(slot);
  }

  /**
   * Folds inputs given in event-time order into the slot's model, sending a snapshot to the state
   * history as their times cross interval ends and on significant changes.
   *
   * @return the last snapshot sent, or null if none
   */
  private TwinState fold(TwinSlot slot, List<TwinInput> inputs, Context ctx, Collector<TwinState> out) {
    TwinState newest = null;
    if (inputs.isEmpty()) {
      return newest;
    }
    String twin = ctx.getCurrentKey();
    TwinModel current = slot.model;
    for (TwinInput in : inputs) {
      if (in.isDeletion()) {
        current = null;
        continue;
      }
      if (current == null) {
        current = new TwinModel();
      } else if (cadenceDue(current, in.ts())) {
        newest = toHistory(current.snapshot(twin), out);
      }
      current.fold(in);
      if (current.readings > 0 && current.significantChange()) {
        newest = toHistory(current.snapshot(twin), out);
      }
    }
    slot.model = current;
    return newest;
  }

  /**
   * The watermark has not moved since the check was armed: every input is idle. Folds what waits but
   * trailing behaviour and sends what is unsent, including the last interval whose cadence timer
   * the watermark will not reach; otherwise checks again later.
   */
  private void checkStall(TwinSlot slot, Context ctx, Collector<TwinState> out) {
    TimerService timers = ctx.timerService();
    Long armedAt = slot.stallCheck;
    slot.stallCheck = null;
    if (slot.waiting.isEmpty() && !unsent(slot.model)) {
      return;
    }
    if (slot.waiting.isEmpty() && intervalEnd(slot.model.lastTs) <= timers.currentWatermark()) {
      // history behind the watermark (an import beside live twins): its inputs were folded as they came,
      // and no cadence timer will come for the interval of the last one, since the watermark has passed
      // it; sent now, one stall after the check was armed. While the history still streams in, this
      // adds at most one snapshot per stall to the interval it is in.
      toLiveView(toHistory(slot.model.snapshot(ctx.getCurrentKey()), out), ctx);
      return;
    }
    if (armedAt == null || armedAt != timers.currentWatermark()) {
      armStallCheck(slot, timers);
      return;
    }
    TwinState newest = fold(slot, EventTimeBuffer.takeAllButTrailingBehaviour(slot.waiting), ctx, out);
    if (unsent(slot.model)) {
      newest = toHistory(slot.model.snapshot(ctx.getCurrentKey()), out);
    }
    toLiveView(newest, ctx);
  }

  private static boolean unsent(TwinModel m) {
    return m != null && m.readings > 0 && m.changedSinceEmit();
  }

  private static TwinState toHistory(TwinState snapshot, Collector<TwinState> out) {
    out.collect(snapshot);
    return snapshot;
  }

  /** The newest snapshot of one input or one timer (if it sent any) to the hot path. */
  private static void toLiveView(TwinState newest, Context ctx) {
    if (newest != null) {
      ctx.output(HOT_PATH, newest);
    }
  }

  /** Keeps exactly one event-time timer per twin, at the earliest time something waits for. */
  private static void wakeUpAt(TwinSlot slot, long time, TimerService timers) {
    if (slot.wakeUp != null) {
      timers.deleteEventTimeTimer(slot.wakeUp);
    }
    timers.registerEventTimeTimer(time);
    slot.wakeUp = time;
  }

  private void armStallCheck(TwinSlot slot, TimerService timers) {
    slot.stallCheck = timers.currentWatermark();
    timers.registerProcessingTimeTimer(timers.currentProcessingTime() + stallMillis);
  }

  private TwinSlot slot() throws Exception {
    TwinSlot slot = slots.value();
    return slot == null ? new TwinSlot() : slot;
  }

  /** Writes the slot back (a heap backend keeps the same object, but the TTL's clock restarts), or clears it when empty. */
  private void store(TwinSlot slot) throws Exception {
    if (slot.isEmpty()) {
      slots.clear();
    } else {
      slots.update(slot);
    }
  }

  /** Changes unsent (none without a model), and {@code time} lies past the end of the interval of the last input folded. */
  private boolean cadenceDue(TwinModel m, long time) {
    return unsent(m) && intervalEnd(m.lastTs) <= time;
  }

  private long intervalEnd(long ts) {
    return Math.floorDiv(ts, intervalMillis) * intervalMillis + intervalMillis;
  }
}
