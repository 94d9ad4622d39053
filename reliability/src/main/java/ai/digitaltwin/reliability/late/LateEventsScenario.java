package ai.digitaltwin.reliability.late;

import ai.digitaltwin.generator.GeneratorService;
import ai.digitaltwin.generator.kafka.Checkpoint;
import ai.digitaltwin.generator.sim.Emitter;
import ai.digitaltwin.generator.sim.SimSettings;
import ai.digitaltwin.generator.sim.Simulation;
import ai.digitaltwin.reliability.Outcome;
import ai.digitaltwin.reliability.Scenario;
import ai.digitaltwin.reliability.SuiteContext;
import ai.digitaltwin.reliability.harness.LiveStack;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.GeneratorProgress;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.testkit.Await;
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
    String generated = " FROM " + Tables.HEALTH_EVENTS + " WHERE source = 'generator'";
    Await.until("all " + produced + " generated readings in " + Tables.HEALTH_EVENTS, Duration.ofSeconds(120), () ->
        live.count("SELECT count(*)" + generated) >= produced);
    long rows = live.count("SELECT count(*)" + generated);
    long distinct = live.count("SELECT count(DISTINCT event_id)" + generated);

    long bound = LiveStack.WATERMARK_BOUND_MS;
    Replay replay = replay(live.stack().bootstrapServers(), LiveStack.PARTITIONS, generator.config().seed(), generator.config().lateRate(),
        generator.config().anomalyRate(), generator.config().behaviorStepTicks(), bound);
    List<Object> counted = live.history().query(
        "SELECT count(*) FILTER (WHERE ts < prev - INTERVAL (" + bound + ") MILLISECOND), count(*) FILTER (WHERE ts < prev), "
            + "max(epoch_ms(prev) - epoch_ms(ts)) FILTER (WHERE ts < prev) FROM (SELECT ts, max(ts) OVER (PARTITION BY kafka_partition "
            + "ORDER BY kafka_offset ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev" + generated + ")",
        List.of()).rows().get(0);
    long lateBeyondBound = ((Number) counted.get(0)).longValue();
    long outOfOrder = ((Number) counted.get(1)).longValue();
    long maxLatenessMs = counted.get(2) == null ? 0 : ((Number) counted.get(2)).longValue();

    boolean ok = rows == produced && distinct == produced && replay.sent() == produced && replay.heldBack() > 0
        && lateBeyondBound == replay.lateByKafkaOrder();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("produced", produced);
    figures.put("rows", rows);
    figures.put("replayed_sent", replay.sent());
    figures.put("held_back", replay.heldBack());
    figures.put("late_by_kafka_order_replayed", replay.lateByKafkaOrder());
    figures.put("held_back_and_late", replay.heldAndLate());
    figures.put("late_beyond_bound_in_table", lateBeyondBound);
    figures.put("out_of_order_in_table", outOfOrder);
    figures.put("max_lateness_ms", maxLatenessMs);
    String done = String.format("generator with GENERATOR_LATE_RATE=%.2f (readings held back 1-10 simulated minutes); stopped; its "
        + "committed history replayed from its checkpoint; %s checked against it", generator.config().lateRate(), Tables.HEALTH_EVENTS);
    String observed = String.format("generator sent %d readings (replay: %d; %d held back); %s holds %d rows, %d distinct; "
        + "late beyond the %d s bound by Kafka order: %d in the table, %d in the replay (%d of them held back, the rest on-time readings "
        + "of twins whose phase in the minute trails another twin's on the same partition by > %d s); %d out of order at all, up to %.1f min. "
        + "The job drops none: twin state keeps the newest vitals by event time, detectors take them in arrival order, emitted snapshots are not revised",
        produced, replay.sent(), replay.heldBack(), Tables.HEALTH_EVENTS, rows, distinct, bound / 1000, lateBeyondBound, replay.lateByKafkaOrder(), replay.heldAndLate(),
        bound / 1000, outOfOrder, maxLatenessMs / 60000.0);
    return List.of(Outcome.of("late events", done,
        "every reading the generator sent is in " + Tables.HEALTH_EVENTS + " once, late ones included; late readings counted in the "
            + "table = the replay's count",
        observed, ok, figures));
  }

  /**
   * What the generator sent, replayed: readings, those it held back (sent at a later tick than their
   * own), and those that are late by Kafka order, per partition, the way the table is read.
   */
  record Replay(long sent, long heldBack, long lateByKafkaOrder, long heldAndLate) {}

  private static Replay replay(String bootstrap, int partitions, long seed, double lateRate, double anomalyRate, int stepTicks, long boundMs) {
    Checkpoint checkpoint = Checkpoint.read(bootstrap, GENERATOR_ID, Duration.ofSeconds(30));
    GeneratorProgress p = checkpoint.progress();
    SimSettings settings = new SimSettings(seed, p.getStartTs().toEpochMilli(), p.getIntervalSeconds(), anomalyRate, lateRate, 0, stepTicks);
    Simulation sim = new Simulation(settings);
    long[] tickMillis = {0};
    long[] counts = new long[4];
    long[] newest = new long[partitions];
    java.util.Arrays.fill(newest, Long.MIN_VALUE);
    Emitter counter = new Emitter() {
      @Override
      public void health(HealthEvent e) {
        counts[0]++;
        long ts = e.getTs().toEpochMilli();
        boolean held = ts < tickMillis[0];
        // the producer's default partitioner for a keyed record
        int partition = org.apache.kafka.common.utils.Utils.toPositive(
            org.apache.kafka.common.utils.Utils.murmur2(e.getTwinId().getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions;
        boolean late = newest[partition] != Long.MIN_VALUE && ts < newest[partition] - boundMs;
        newest[partition] = Math.max(newest[partition], ts);
        counts[1] += held ? 1 : 0;
        counts[2] += late ? 1 : 0;
        counts[3] += held && late ? 1 : 0;
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
    return new Replay(counts[0], counts[1], counts[2], counts[3]);
  }
}
