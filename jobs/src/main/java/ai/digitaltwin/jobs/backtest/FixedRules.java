package ai.digitaltwin.jobs.backtest;

import ai.digitaltwin.jobs.ingest.Consumed;
import ai.digitaltwin.schemas.HealthEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The original system's fixed rules, as the baseline to beat: heart rate above 100 (reported as
 * tachycardia) or below 50 (bradycardia), systolic above 140 (hypertensive), stress above 0.8
 * (high_stress). Every alerting reading counts at once; readings alerting within {@link #GAP} of each
 * other form one episode, so both sides are scored on the same episode terms.
 */
public final class FixedRules extends KeyedProcessFunction<String, Consumed<HealthEvent>, Episode> {
  static final long GAP = Duration.ofMinutes(10).toMillis();

  /** Open episodes of one twin: rule → {start, last alert}. */
  public static class Open {
    public Map<String, long[]> episodes = new HashMap<>();

    public Open() {}
  }

  private transient ValueState<Open> state;

  @Override
  public void open(OpenContext context) {
    state = getRuntimeContext().getState(new ValueStateDescriptor<>("fixed-rule-episodes", Open.class));
  }

  @Override
  public void processElement(Consumed<HealthEvent> in, Context ctx, Collector<Episode> out) throws Exception {
    Open open = state.value() == null ? new Open() : state.value();
    reading(open, ctx.getCurrentKey(), in.event(), in.ts(), out::collect);
    if (!open.episodes.isEmpty()) {
      ctx.timerService().registerEventTimeTimer(in.ts() + GAP);
    }
    state.update(open);
  }

  /** One reading of one twin, without Flink: closes what its time has expired, then applies the rules. */
  public static void reading(Open open, String twin, HealthEvent e, long ts, Consumer<Episode> out) {
    close(open, ts, twin, out);
    Double hr = e.getHeartRate();
    alert(open, hr != null && hr > 100, "tachycardia", ts);
    alert(open, hr != null && hr < 50, "bradycardia", ts);
    alert(open, e.getSystolicBp() != null && e.getSystolicBp() > 140, "hypertensive", ts);
    alert(open, e.getStress() != null && e.getStress() > 0.8, "high_stress", ts);
  }

  /** The end of a bounded input, as the final watermark fires the timers: every episode closes. */
  public static void endOfInput(Open open, String twin, Consumer<Episode> out) {
    close(open, Long.MAX_VALUE, twin, out);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Episode> out) throws Exception {
    Open open = state.value();
    if (open != null) {
      close(open, timestamp, ctx.getCurrentKey(), out::collect);
      if (open.episodes.isEmpty()) {
        state.clear();
      } else {
        state.update(open);
      }
    }
  }

  private static void alert(Open open, boolean fires, String type, long ts) {
    if (fires) {
      long[] episode = open.episodes.computeIfAbsent(type, t -> new long[] {ts, ts});
      episode[1] = Math.max(episode[1], ts);
    }
  }

  private static void close(Open open, long now, String twin, Consumer<Episode> out) {
    Iterator<Map.Entry<String, long[]>> it = open.episodes.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, long[]> entry = it.next();
      long[] episode = entry.getValue();
      if (episode[1] + GAP <= now) {
        out.accept(new Episode(twin, entry.getKey(), episode[0], episode[1], episode[0]));
        it.remove();
      }
    }
  }
}
