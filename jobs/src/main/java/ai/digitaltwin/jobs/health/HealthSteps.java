package ai.digitaltwin.jobs.health;

import ai.digitaltwin.jobs.anomaly.DetectorClock;
import ai.digitaltwin.jobs.anomaly.TwinDetector;
import ai.digitaltwin.jobs.ingest.Consumed;
import ai.digitaltwin.jobs.twin.Dedup;
import ai.digitaltwin.jobs.twin.SeenIds;
import ai.digitaltwin.jobs.types.AvroTypeInfo;
import ai.digitaltwin.schemas.Anomaly;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The keyed steps of the health readings in one operator: de-duplication by event id ({@link Dedup}'s
 * rule: ids kept one to two horizons of event time, one timer per twin and horizon bucket) and anomaly
 * detection ({@link TwinDetector}'s steps with {@link DetectorClock}'s timers, as {@code AnomalyDetector}
 * runs them: one timer per twin at the earliest episode deadline, history on the twin's own clock). Unique readings go to the main output, anomalies to {@link #ANOMALIES}.
 *
 * <p>The second input is the twin's registry changes: the profile's zone is where the detectors' days
 * and nights lie (a night is local 00:00–07:00). It applies from the moment the change reaches this step,
 * not from its event time: {@code ./twin import} sets the zone (creating the twin) before it sends a
 * reading, and a zone changed later moves only the nights still to come (the night being summed then may
 * close early or late once).
 *
 * <p>One operator with one keyed value per twin ({@link HealthSlot}) rather than two operators with a
 * value each: every reading costs one keyed-state lookup instead of two, and in a profile of the job the
 * second lookup (hashing the twin id, walking the state table, the TTL wrapper) was a third of the
 * detection's time. The price is one timer set shared by both: a detector deadline that falls on a
 * de-duplication bucket's end shares its timer, which the detector then must not delete.
 *
 * <p>State: the ids are dropped by their bucket timers; the detectors' baselines stay as long as the
 * twin sends readings, with a 30-day processing-time TTL on the value otherwise (each access checks one
 * other twin's entry for expiry).
 */
public final class HealthSteps
    extends KeyedCoProcessFunction<String, Consumed<HealthEvent>, Consumed<TwinRegistryEvent>, Consumed<HealthEvent>> {
  static final Duration IDLE_TTL = Duration.ofDays(30);
  public static final OutputTag<Anomaly> ANOMALIES =
      new OutputTag<>("anomalies", AvroTypeInfo.forClass(Anomaly.class));

  private final long horizonMillis;
  private final DetectorClock clock = new DetectorClock(DetectorClock.HISTORY_QUIET);
  private transient ValueState<HealthSlot> slots;
  private transient Counter duplicates;
  private transient Counter opened;

  public HealthSteps(Duration dedupHorizon) {
    this.horizonMillis = dedupHorizon.toMillis();
  }

  @Override
  public void open(OpenContext context) {
    slots = getRuntimeContext().getState(slot());
    duplicates = getRuntimeContext().getMetricGroup().counter("duplicates");
    opened = getRuntimeContext().getMetricGroup().counter("anomaliesOpened");
  }

  /** The keyed state: its name and type are what a savepoint stores it under. */
  static ValueStateDescriptor<HealthSlot> slot() {
    ValueStateDescriptor<HealthSlot> descriptor = new ValueStateDescriptor<>("health-slot", HealthSlot.class);
    descriptor.enableTimeToLive(StateTtlConfig.newBuilder(IDLE_TTL).cleanupIncrementally(1, false).build());
    return descriptor;
  }

  @Override
  public void processElement1(Consumed<HealthEvent> in, Context ctx, Collector<Consumed<HealthEvent>> out)
      throws Exception {
    HealthSlot slot = slots.value();
    if (slot == null) {
      slot = new HealthSlot();
    }
    if (!Dedup.admit(slot.seen, in, horizonMillis, ctx.timerService())) {
      duplicates.inc();
      return;
    }
    out.collect(in);
    emit(clock.reading(ctx.getCurrentKey(), slot.detector, in.event(), in.ts(), ctx.timerService(), slot.seen::hasTimer), ctx);
    slots.update(slot);
  }

  /** A registry change: the twin's zone, when it has a profile (a deletion has none and changes nothing). */
  @Override
  public void processElement2(Consumed<TwinRegistryEvent> in, Context ctx, Collector<Consumed<HealthEvent>> out)
      throws Exception {
    if (in.event().getProfile() == null) {
      return;
    }
    HealthSlot slot = slots.value();
    if (slot == null) {
      slot = new HealthSlot();
    }
    slot.detector.zone(in.event().getProfile().getTimezone());
    slots.update(slot);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Consumed<HealthEvent>> out) throws Exception {
    HealthSlot slot = slots.value();
    if (slot == null) {
      return;
    }
    if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
      emit(clock.processingTimer(ctx.getCurrentKey(), slot.detector, ctx.timerService(), slot.seen::hasTimer), ctx);
    } else {
      if (slot.seen.timerDue(timestamp)) {
        slot.seen.expire(timestamp);
      }
      emit(clock.eventTimer(ctx.getCurrentKey(), slot.detector, timestamp, ctx.timerService(), slot.seen::hasTimer), ctx);
    }
    slots.update(slot);
  }

  private void emit(List<Anomaly> anomalies, Context ctx) {
    for (Anomaly a : anomalies) {
      if (a.getEndTs() == null) {
        opened.inc();
      }
      ctx.output(ANOMALIES, a);
    }
  }
}
