package ai.digitaltwin.jobs.twin;

import ai.digitaltwin.jobs.decode.Consumed;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Drops events whose id was already seen for this twin within {@code horizon} of event time (producer
 * retries, a generator restarted from its last position). Keyed by twin, so the ids of one twin sit in
 * one small map.
 *
 * <p>Ids are forgotten by event-time timers, one per twin per horizon-sized bucket rather than one per
 * event; an id is kept between one and two horizons. A duplicate that arrives later than that passes:
 * bounding memory is worth more than catching a copy delayed by more than the horizon.
 *
 * <p>No state TTL: the timers already bound the state, and Flink's TTL would cost more than the rest of
 * the operator (with the heap backend, each state access visits a few other twins' maps and copies every
 * value in them). While the watermark stands still the ids of at most one or two horizons of data wait.
 */
public final class Dedup<T> extends KeyedProcessFunction<String, Consumed<T>, Consumed<T>> {
  private final long horizonMillis;
  private transient MapState<String, Long> seen;
  private transient Counter duplicates;

  public Dedup(Duration horizon) {
    this.horizonMillis = horizon.toMillis();
  }

  @Override
  public void open(OpenContext context) {
    seen = getRuntimeContext().getMapState(new MapStateDescriptor<>("seen-event-ids", Types.STRING, Types.LONG));
    duplicates = getRuntimeContext().getMetricGroup().counter("duplicates");
  }

  @Override
  public void processElement(Consumed<T> in, Context ctx, Collector<Consumed<T>> out) throws Exception {
    if (seen.contains(in.eventId())) {
      duplicates.inc();
      return;
    }
    seen.put(in.eventId(), in.ts());
    ctx.timerService().registerEventTimeTimer(bucketEnd(in.ts() + horizonMillis));
    out.collect(in);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Consumed<T>> out) throws Exception {
    Iterator<Map.Entry<String, Long>> entries = seen.iterator();
    while (entries.hasNext()) {
      if (entries.next().getValue() + horizonMillis <= timestamp) {
        entries.remove();
      }
    }
    if (seen.isEmpty()) {
      seen.clear(); // an emptied map still holds a state entry for the twin
    }
  }

  private long bucketEnd(long time) {
    return Math.floorDiv(time, horizonMillis) * horizonMillis + horizonMillis;
  }
}
