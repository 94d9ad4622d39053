package ai.digitaltwin.jobs.twin;

import ai.digitaltwin.schemas.TwinState;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Evolves each twin's model and emits {@link TwinState} snapshots: once per {@code interval} of event
 * time in which the twin changed (when the watermark passes the end of that interval), and at once on a
 * significant change (status or mood label flips, a personality trait drifts), so the live view does
 * not wait for the cadence. No snapshot before the first health reading.
 *
 * <p>Events are folded in as they arrive, not buffered until the watermark: buffering would make the
 * snapshots independent of arrival order but delay the hot path by the out-of-orderness bound.
 *
 * <p>State: one model per twin, cleared when the twin is deleted, with a 30-day processing-time TTL
 * for twins that stop sending. A cadence timer exists only while there is something unsent.
 */
public final class TwinStateFunction extends KeyedProcessFunction<String, TwinInput, TwinState> {
  static final Duration IDLE_TTL = Duration.ofDays(30);

  private final long intervalMillis;
  private transient ValueState<TwinModel> model;

  public TwinStateFunction(Duration interval) {
    this.intervalMillis = interval.toMillis();
  }

  @Override
  public void open(OpenContext context) {
    ValueStateDescriptor<TwinModel> descriptor = new ValueStateDescriptor<>("twin-model", TwinModel.class);
    descriptor.enableTimeToLive(StateTtlConfig.newBuilder(IDLE_TTL).build());
    model = getRuntimeContext().getState(descriptor);
  }

  @Override
  public void processElement(TwinInput in, Context ctx, Collector<TwinState> out) throws Exception {
    if (in.registry() != null && "deleted".equals(in.registry().getAction())) {
      model.clear();
      return;
    }
    TwinModel current = model.value();
    if (current == null) {
      current = new TwinModel();
    }
    current.fold(in);
    if (current.readings > 0) {
      if (current.significantChange()) {
        out.collect(current.snapshot(ctx.getCurrentKey()));
      } else if (current.changedSinceEmit()) {
        ctx.timerService().registerEventTimeTimer(intervalEnd(in.ts()));
      }
    }
    model.update(current);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<TwinState> out) throws Exception {
    TwinModel current = model.value();
    if (current != null && current.changedSinceEmit()) {
      out.collect(current.snapshot(ctx.getCurrentKey()));
      model.update(current);
    }
  }

  private long intervalEnd(long ts) {
    return Math.floorDiv(ts, intervalMillis) * intervalMillis + intervalMillis;
  }
}
