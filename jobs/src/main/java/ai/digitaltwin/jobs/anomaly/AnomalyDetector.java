package ai.digitaltwin.jobs.anomaly;

import ai.digitaltwin.jobs.ingest.Consumed;
import ai.digitaltwin.schemas.Anomaly;
import ai.digitaltwin.schemas.HealthEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Runs the {@link Detectors} over each twin's readings and merges alerts into {@link Episodes}: an
 * anomaly record when an episode opens and another when it closes. The steps are {@link TwinDetector}'s,
 * the timers {@link DetectorClock}'s; this class adds keyed state.
 *
 * <p>Episodes close on event time: by a later reading past the merge gap, or by a timer when readings
 * stop (on the twin's own clock for history behind the watermark: see {@link DetectorClock}). A timer
 * exists only while a track is pending or open, so a quiet twin costs no timers; the baselines stay as
 * long as the twin sends data (30-day processing-time TTL otherwise; each access checks one other twin's
 * entry for expiry). The same code runs in BATCH mode for the backtest, where readings arrive sorted per
 * twin and timers fire at the end.
 */
public final class AnomalyDetector extends KeyedProcessFunction<String, Consumed<HealthEvent>, Anomaly> {
  static final Duration IDLE_TTL = Duration.ofDays(30);

  private final DetectorClock clock;
  private final Map<String, String> zones;
  private transient ValueState<DetectorState> state;
  private transient Counter opened;

  public AnomalyDetector() {
    this(DetectorClock.HISTORY_QUIET);
  }

  public AnomalyDetector(Duration historyQuiet) {
    this(historyQuiet, Map.of());
  }

  /**
   * With each twin's IANA zone ({@code zones}, by twin; UTC for a twin not in it), where its nights lie,
   * as the stream job's health step learns them from the registry: for a run over history, which has the
   * registry's last word on every twin before it starts.
   */
  public AnomalyDetector(Duration historyQuiet, Map<String, String> zones) {
    this.clock = new DetectorClock(historyQuiet);
    this.zones = new HashMap<>(zones);
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
      String zone = zones.get(ctx.getCurrentKey());
      if (zone != null) {
        current.zone(zone);
      }
    }
    emit(clock.reading(ctx.getCurrentKey(), current, in.event(), in.ts(), ctx.timerService(), t -> false), out);
    state.update(current);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out) throws Exception {
    DetectorState current = state.value();
    if (current == null) {
      return;
    }
    emit(ctx.timeDomain() == TimeDomain.PROCESSING_TIME
        ? clock.processingTimer(ctx.getCurrentKey(), current, ctx.timerService(), t -> false)
        : clock.eventTimer(ctx.getCurrentKey(), current, timestamp, ctx.timerService(), t -> false), out);
    state.update(current);
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
