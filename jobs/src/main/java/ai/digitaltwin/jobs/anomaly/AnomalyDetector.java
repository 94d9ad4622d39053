package ai.digitaltwin.jobs.anomaly;

import ai.digitaltwin.jobs.decode.Consumed;
import ai.digitaltwin.schemas.Anomaly;
import ai.digitaltwin.schemas.HealthEvent;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Runs the {@link Detectors} over each twin's readings and merges alerts into {@link Episodes}: an
 * anomaly record when an episode opens and another when it closes. The steps are {@link TwinDetector}'s;
 * this class adds keyed state and the timers.
 *
 * <p>Episodes close on event time: by a later reading past the merge gap, or by a timer when readings
 * stop. A timer exists only while a track is pending or open, so a quiet twin costs no timers; the
 * baselines stay as long as the twin sends data (30-day processing-time TTL otherwise; each access checks
 * one other twin's entry for expiry). The same code runs in BATCH mode for the backtest, where readings
 * arrive sorted per twin and timers fire at the end.
 */
public final class AnomalyDetector extends KeyedProcessFunction<String, Consumed<HealthEvent>, Anomaly> {
  static final Duration IDLE_TTL = Duration.ofDays(30);

  private transient ValueState<DetectorState> state;
  private transient Counter opened;

  @Override
  public void open(OpenContext context) {
    ValueStateDescriptor<DetectorState> descriptor =
        new ValueStateDescriptor<>("detector-state", DetectorState.class);
    descriptor.enableTimeToLive(StateTtlConfig.newBuilder(IDLE_TTL).cleanupIncrementally(1, false).build());
    state = getRuntimeContext().getState(descriptor);
    opened = getRuntimeContext().getMetricGroup().counter("anomaliesOpened");
  }

  @Override
  public void processElement(Consumed<HealthEvent> in, Context ctx, Collector<Anomaly> out) throws Exception {
    DetectorState current = state.value();
    if (current == null) {
      current = new DetectorState();
    }
    emit(TwinDetector.reading(ctx.getCurrentKey(), current, in.event(), in.ts()), out);
    schedule(current, ctx);
    state.update(current);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out) throws Exception {
    DetectorState current = state.value();
    if (current == null) {
      return;
    }
    current.timer = Long.MAX_VALUE;
    emit(TwinDetector.timer(ctx.getCurrentKey(), current, timestamp), out);
    schedule(current, ctx);
    state.update(current);
  }

  /** Keeps exactly one timer per twin, at the earliest deadline, and none when nothing is tracked. */
  private void schedule(DetectorState current, Context ctx) {
    long deadline = Episodes.nextDeadline(current.tracks);
    if (deadline == current.timer) {
      return;
    }
    if (current.timer != Long.MAX_VALUE) {
      ctx.timerService().deleteEventTimeTimer(current.timer);
    }
    if (deadline != Long.MAX_VALUE) {
      ctx.timerService().registerEventTimeTimer(deadline);
    }
    current.timer = deadline;
  }

  private void emit(List<Anomaly> anomalies, Collector<Anomaly> out) {
    for (Anomaly a : anomalies) {
      if (a.getEndTs() == null) {
        opened.inc();
      }
      out.collect(a);
    }
  }
}
