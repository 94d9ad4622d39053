package ai.digitaltwin.jobs.twin;

import ai.digitaltwin.jobs.ingest.Consumed;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Drops events whose id was already seen for this twin within {@code horizon} of event time (producer
 * retries, a generator restarted from its last position). Keyed by twin, so the ids of one twin sit in
 * one small set ({@link SeenIds}, one keyed value per twin).
 *
 * <p>Ids are forgotten by event-time timers, one per twin per horizon-sized bucket rather than one per
 * event, registered when the first id of a bucket comes; an id is kept between one and two horizons. A
 * duplicate that arrives later than that passes: bounding memory is worth more than catching a copy
 * delayed by more than the horizon. History far behind the watermark (an import of past readings) is
 * kept the same one to two horizons, but of the twin's own event time: its ids are forgotten as its own
 * readings pass their bucket's end, and all of them at the watermark's next step (one timer, not one per
 * bucket).
 *
 * <p>No state TTL: the timers already bound the state, and Flink's TTL would cost more than the rest of
 * the operator (with the heap backend, each state access visits a few other twins' entries). While the
 * watermark stands still the ids of at most one or two horizons of data wait.
 */
public final class Dedup<T> extends KeyedProcessFunction<String, Consumed<T>, Consumed<T>> {
  private final long horizonMillis;
  private transient ValueState<SeenIds> seen;
  private transient Counter duplicates;

  public Dedup(Duration horizon) {
    this.horizonMillis = horizon.toMillis();
  }

  @Override
  public void open(OpenContext context) {
    seen = getRuntimeContext().getState(seen());
    duplicates = getRuntimeContext().getMetricGroup().counter("duplicates");
  }

  /** The keyed state: its name and type are what a savepoint stores it under. */
  static ValueStateDescriptor<SeenIds> seen() {
    return new ValueStateDescriptor<>("seen-event-ids", SeenIds.class);
  }

  @Override
  public void processElement(Consumed<T> in, Context ctx, Collector<Consumed<T>> out) throws Exception {
    SeenIds ids = seen.value();
    if (ids == null) {
      ids = new SeenIds();
    }
    if (!admit(ids, in, horizonMillis, ctx.timerService())) {
      duplicates.inc();
      return;
    }
    seen.update(ids);
    out.collect(in);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Consumed<T>> out) throws Exception {
    SeenIds ids = seen.value();
    if (ids == null) {
      return;
    }
    ids.expire(timestamp);
    if (ids.isEmpty()) {
      seen.clear();
    } else {
      seen.update(ids);
    }
  }

  /**
   * The rule of this step on one twin's ids: false when {@code in}'s id is among them (a duplicate);
   * otherwise adds it, to be forgotten at the end of its horizon-sized bucket, and registers that bucket's
   * timer when it is the bucket's first id.
   */
  public static boolean admit(SeenIds ids, Consumed<?> in, long horizonMillis, TimerService timers) {
    if (ids.contains(in.eventId())) {
      return false;
    }
    long watermark = timers.currentWatermark();
    long bucket = bucketEnd(in.ts() + horizonMillis, horizonMillis);
    // history far behind the watermark (an import): a timer at each of its buckets would fire only at the
    // watermark's next step, and until then every id of the history would wait in the set and in every
    // checkpoint (a year of 5-s heart rate: a third of the stack's CPU went to writing them, and more to
    // scanning the buckets' timers). Its ids are forgotten on the twin's own clock instead, a
    // horizon-sized bucket after their own, as the watermark forgets a live twin's, and all of them at the
    // watermark's next step (one timer).
    boolean history = bucket <= watermark;
    if (history) {
      ids.clockAt(in.ts());
    }
    // a record later than its bucket's expiry is kept until the next timer, as its bucket's ids were
    long expiry = Math.max(bucket, ids.expiredThrough + 1);
    ids.add(in.eventId(), expiry);
    long timer = history ? watermark + 1 : expiry;
    if (ids.needsTimer(timer)) {
      timers.registerEventTimeTimer(timer);
    }
    return true;
  }

  /** The end of the horizon-sized bucket {@code time} falls in: when the ids expiring in it are dropped. */
  public static long bucketEnd(long time, long horizonMillis) {
    return Math.floorDiv(time, horizonMillis) * horizonMillis + horizonMillis;
  }
}
