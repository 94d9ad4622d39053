package ai.digitaltwin.reliability.late;

import ai.digitaltwin.generator.GeneratorService;
import ai.digitaltwin.generator.kafka.Checkpoint;
import ai.digitaltwin.generator.sim.Emitter;
import ai.digitaltwin.generator.sim.SimSettings;
import ai.digitaltwin.generator.sim.Simulation;
import ai.digitaltwin.reliability.Outcome;
import ai.digitaltwin.reliability.Scenario;
import ai.digitaltwin.reliability.SuiteContext;
import ai.digitaltwin.reliability.harness.Await;
import ai.digitaltwin.reliability.harness.LiveStack;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.GeneratorProgress;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Topics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live stack's generator holds back 2 % of health readings by one to ten readings (1-10 simulated
 * minutes, far beyond the job's 30 s watermark bound). Once it is stopped, its committed history is
 * replayed here from its checkpoint to know exactly how many readings it sent late; the raw table must
 * hold every reading it sent, and the late ones are counted there again from Kafka order (a reading is
 * late when an earlier record of its partition was more than the bound newer).
 *
 * <p>What the job does with them: nothing drops a late event. Decode and de-duplication pass them; twin
 * state folds them (latest vitals follow event time, so a late reading never overwrites a newer one);
 * anomaly detection sees them in arrival order; a cadence snapshot already emitted is not revised.
 */
public final class LateEventsScenario implements Scenario {
  static final String GENERATOR_ID = "generator";

  @Override
  public String name() {
    return "late-events";
  }

  @Override
  public List<Outcome> run(SuiteContext ctx) throws Exception {
    LiveStack live = ctx.live();
    GeneratorService generator = live.stack().generator();
    generator.close();
    long produced = generator.produced(Topics.HEALTH);
    Await.until(Duration.ofSeconds(120), "all " + produced + " generated readings in health_events", () ->
        live.count("SELECT count(*) FROM health_events WHERE source = 'generator'") >= produced);
    long rows = live.count("SELECT count(*) FROM health_events WHERE source = 'generator'");
    long distinct = live.count("SELECT count(DISTINCT event_id) FROM health_events WHERE source = 'generator'");

    Replay replay = replay(live.stack().bootstrapServers(), generator.config().seed(), generator.config().lateRate(),
        generator.config().anomalyRate(), generator.config().behaviorStepTicks());
    long bound = LiveStack.WATERMARK_BOUND_MS;
    List<Object> counted = live.history().query(
        "SELECT count(*) FILTER (WHERE ts < prev - INTERVAL (" + bound + ") MILLISECOND), count(*) FILTER (WHERE ts < prev), "
            + "max(epoch_ms(prev) - epoch_ms(ts)) FILTER (WHERE ts < prev) FROM (SELECT ts, max(ts) OVER (PARTITION BY kafka_partition "
            + "ORDER BY kafka_offset ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev FROM health_events WHERE source = 'generator')",
        List.of()).rows().get(0);
    long lateBeyondBound = ((Number) counted.get(0)).longValue();
    long outOfOrder = ((Number) counted.get(1)).longValue();
    long maxLatenessMs = counted.get(2) == null ? 0 : ((Number) counted.get(2)).longValue();

    boolean ok = rows == produced && distinct == produced && replay.sent() == produced && replay.late() > 0
        && lateBeyondBound == replay.lateBeyond(bound);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("produced", produced);
    figures.put("rows", rows);
    figures.put("replayed_sent", replay.sent());
    figures.put("held_back", replay.late());
    figures.put("held_back_beyond_bound", replay.lateBeyond(bound));
    figures.put("late_beyond_bound_in_table", lateBeyondBound);
    figures.put("out_of_order_in_table", outOfOrder);
    figures.put("max_lateness_ms", maxLatenessMs);
    String done = String.format("generator with GENERATOR_LATE_RATE=%.2f (readings held back 1-10 simulated minutes); stopped; its "
        + "committed history replayed from its checkpoint; health_events checked against it", generator.config().lateRate());
    String observed = String.format("generator sent %d readings (replay: %d, of which %d late, %d beyond the %d s bound); health_events "
        + "holds %d rows, %d distinct; by Kafka order %d are late beyond the bound (%d out of order at all, up to %.1f min late). The job "
        + "drops none: twin state keeps the newest vitals by event time, detectors take them in arrival order, emitted snapshots are not revised",
        produced, replay.sent(), replay.late(), replay.lateBeyond(bound), bound / 1000, rows, distinct, lateBeyondBound, outOfOrder, maxLatenessMs / 60000.0);
    return List.of(Outcome.of("late events", done,
        "every reading the generator sent is in health_events once, late ones included; the late ones counted there equal the replay's",
        observed, ok, figures));
  }

  /** Readings sent, and how late each late one was (sent at a tick after its own). */
  record Replay(long sent, long late, long[] latenessMs) {
    long lateBeyond(long boundMs) {
      long n = 0;
      for (long l : latenessMs) {
        n += l > boundMs ? 1 : 0;
      }
      return n;
    }
  }

  private static Replay replay(String bootstrap, long seed, double lateRate, double anomalyRate, int stepTicks) {
    Checkpoint checkpoint = Checkpoint.read(bootstrap, GENERATOR_ID, Duration.ofSeconds(30));
    GeneratorProgress p = checkpoint.progress();
    SimSettings settings = new SimSettings(seed, p.getStartTs().toEpochMilli(), p.getIntervalSeconds(), anomalyRate, lateRate, 0, stepTicks);
    Simulation sim = new Simulation(settings);
    long[] tickMillis = {0};
    long[] sent = {0};
    java.util.List<Long> lateness = new java.util.ArrayList<>();
    Emitter counter = new Emitter() {
      @Override
      public void health(HealthEvent e) {
        sent[0]++;
        long late = tickMillis[0] - e.getTs().toEpochMilli();
        if (late > 0) {
          lateness.add(late);
        }
      }

      @Override
      public void behavior(BehaviorEvent e) {}

      @Override
      public void groundTruth(GroundTruthEpisode e) {}
    };
    int next = 0;
    List<Checkpoint.Applied> applied = checkpoint.applied();
    for (long t = 0; t <= p.getTick(); t++) {
      while (next < applied.size() && applied.get(next).tick() <= t) {
        sim.apply(applied.get(next++).event());
      }
      tickMillis[0] = settings.tickMillis(t);
      sim.step(t, counter);
    }
    return new Replay(sent[0], lateness.size(), lateness.stream().mapToLong(Long::longValue).toArray());
  }
}
