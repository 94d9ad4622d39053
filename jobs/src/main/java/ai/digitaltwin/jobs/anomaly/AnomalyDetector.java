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
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.TimerService;
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
 *
 * <p><b>History runs on the twin's own clock.</b> The watermark is shared by every twin of a partition
 * and follows the live ones; an imported year of a person's readings arrives far behind it. An event-time
 * timer at a deadline the watermark has already passed would fire at the next watermark, whatever the
 * twin's own next reading says: an episode of that history would close while its readings are still
 * coming, and split in two. So a deadline behind the watermark gets no event-time timer: the twin's
 * own readings close what their time has expired (as every reading does), and when they stop coming for
 * {@code quiet} of processing time, a processing-time check closes the rest at the ends of their merge
 * gaps, as the final watermark of a batch run would. The same readings therefore give the same episodes
 * whether they arrive live, as history beside live twins, or in the backtest. The price: an import that
 * pauses longer than {@code quiet} in the middle of an episode ends that episode at the pause.
 */
public final class AnomalyDetector extends KeyedProcessFunction<String, Consumed<HealthEvent>, Anomaly> {
  static final Duration IDLE_TTL = Duration.ofDays(30);
  /** How long history may pause before its open episodes are closed. */
  public static final Duration HISTORY_QUIET = Duration.ofMinutes(2);

  private final long quietMillis;
  private transient ValueState<DetectorState> state;
  private transient Counter opened;

  public AnomalyDetector() {
    this(HISTORY_QUIET);
  }

  public AnomalyDetector(Duration quiet) {
    this.quietMillis = quiet.toMillis();
  }

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
    current.lastArrival = ctx.timerService().currentProcessingTime();
    emit(TwinDetector.reading(ctx.getCurrentKey(), current, in.event(), in.ts()), out);
    schedule(current, ctx.timerService());
    state.update(current);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out) throws Exception {
    DetectorState current = state.value();
    if (current == null) {
      return;
    }
    TimerService timers = ctx.timerService();
    if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
      current.quietCheck = Long.MAX_VALUE;
      if (timers.currentProcessingTime() - current.lastArrival >= quietMillis) {
        emit(closeHistory(ctx.getCurrentKey(), current, timers.currentWatermark()), out);
      }
    } else {
      current.timer = Long.MAX_VALUE;
      emit(TwinDetector.timer(ctx.getCurrentKey(), current, timestamp), out);
    }
    schedule(current, timers);
    state.update(current);
  }

  /** The history's readings stopped: every deadline the watermark has passed fires, in order. */
  private static List<Anomaly> closeHistory(String twin, DetectorState current, long watermark) {
    List<Anomaly> out = new java.util.ArrayList<>();
    for (long t = Episodes.nextDeadline(current.tracks); t <= watermark; t = Episodes.nextDeadline(current.tracks)) {
      out.addAll(TwinDetector.timer(twin, current, t));
    }
    return out;
  }

  /**
   * Keeps at most one event-time timer per twin, at the earliest deadline still ahead of the watermark,
   * and a processing-time check while a deadline lies behind it (history; see the class comment).
   */
  private void schedule(DetectorState current, TimerService timers) {
    long deadline = Episodes.nextDeadline(current.tracks);
    boolean history = deadline != Long.MAX_VALUE && deadline <= timers.currentWatermark();
    long eventTimer = history ? Long.MAX_VALUE : deadline;
    if (eventTimer != current.timer) {
      if (current.timer != Long.MAX_VALUE) {
        timers.deleteEventTimeTimer(current.timer);
      }
      if (eventTimer != Long.MAX_VALUE) {
        timers.registerEventTimeTimer(eventTimer);
      }
      current.timer = eventTimer;
    }
    if (history && current.quietCheck == Long.MAX_VALUE) {
      current.quietCheck = Math.max(current.lastArrival, timers.currentProcessingTime()) + quietMillis;
      timers.registerProcessingTimeTimer(current.quietCheck);
    }
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
