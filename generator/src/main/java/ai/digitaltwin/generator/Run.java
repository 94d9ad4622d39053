package ai.digitaltwin.generator;

import ai.digitaltwin.generator.kafka.Checkpoint;
import ai.digitaltwin.generator.kafka.KafkaClients;
import ai.digitaltwin.generator.kafka.RegistryFeed;
import ai.digitaltwin.generator.kafka.TopicCheck;
import ai.digitaltwin.generator.kafka.TransactionalSink;
import ai.digitaltwin.generator.sim.DemoTwins;
import ai.digitaltwin.generator.sim.Emitter;
import ai.digitaltwin.generator.sim.SimSettings;
import ai.digitaltwin.generator.sim.Simulation;
import ai.digitaltwin.schemas.GeneratorProgress;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One life of the producing loop: restore from the checkpoint, then produce tick after tick until
 * stopped. Restoring replays the committed history without sending (the simulation is deterministic and
 * the registry changes are in the checkpoint with their ticks), so the next event sent is exactly the
 * first one downstream has not seen.
 */
final class Run {
  private static final Logger LOG = LoggerFactory.getLogger(Run.class);
  private static final long COMMIT_EVERY_NANOS = 1_000_000_000L;
  private static final long POLL_EVERY_NANOS = 100_000_000L;

  private final GeneratorConfig config;
  private final Clock clock;
  private final CountDownLatch stop;
  private final Status status;
  private Simulation sim;
  private TransactionalSink sink;
  private RegistryFeed feed;
  private final Set<String> appliedIds = new HashSet<>();
  private List<Checkpoint.Applied> toReplay = new ArrayList<>();
  private int replayed;
  private long lastTick;

  Run(GeneratorConfig config, Clock clock, CountDownLatch stop, Status status) {
    this.config = config;
    this.clock = clock;
    this.stop = stop;
    this.status = status;
  }

  void execute() throws InterruptedException {
    TopicCheck.ensure(config.bootstrapServers(),
        List.of(Topics.HEALTH, Topics.BEHAVIOR, Topics.REGISTRY, Topics.GROUND_TRUTH, Topics.GENERATOR_PROGRESS));
    try (KafkaProducer<byte[], byte[]> producer =
        KafkaClients.transactionalProducer(config.bootstrapServers(), config.generatorId())) {
      producer.initTransactions(); // fences a killed predecessor and aborts its open transaction
      Checkpoint checkpoint = Checkpoint.read(config.bootstrapServers(), config.generatorId(), Duration.ofSeconds(60));
      GeneratorProgress p = checkpoint.progress();
      SimSettings settings = settings(p);
      sim = new Simulation(settings);
      sink = new TransactionalSink(producer, config.generatorId(), p == null ? Map.of() : p.getCounts());
      toReplay = checkpoint.applied();
      toReplay.forEach(a -> appliedIds.add(a.event().getEventId()));
      lastTick = p == null ? -1 : p.getTick();
      long replayStarted = System.nanoTime();
      for (long t = 0; t <= lastTick; t++) {
        applyReplayed(t);
        sim.step(t, Emitter.NONE);
      }
      if (lastTick >= 0) {
        LOG.info("resumed after tick {} ({} twins) in {} ms", lastTick, sim.size(), (System.nanoTime() - replayStarted) / 1_000_000);
      }
      status.startMillis = settings.startMillis();
      status.committed(settings.tickMillis(lastTick + 1), p == null ? Map.of() : Map.copyOf(p.getCounts()), sim.size());
      try (RegistryFeed registry = new RegistryFeed(config.bootstrapServers(), p == null ? Map.of() : p.getRegistryOffsets())) {
        feed = registry;
        if (p == null) {
          createDemoTwins(settings);
        }
        for (TwinRegistryEvent e : registry.pollToEnd(Duration.ofSeconds(60))) {
          if (appliedIds.add(e.getEventId())) {
            apply(e, lastTick + 1);
          }
        }
        loop(settings);
      }
    }
  }

  private SimSettings settings(GeneratorProgress p) {
    long start;
    if (p == null) {
      long interval = config.intervalSeconds() * 1000L;
      long wanted = config.start() != null ? config.start().toEpochMilli()
          : clock.millis() - config.backfillDays() * 86_400_000L;
      start = Math.floorDiv(wanted, interval) * interval;
    } else {
      if (p.getSeed() != config.seed() || p.getIntervalSeconds() != config.intervalSeconds()) {
        throw new IncompatibleCheckpointException("generator '" + config.generatorId() + "' was started with seed "
            + p.getSeed() + " and interval " + p.getIntervalSeconds() + " s; now seed " + config.seed() + " and interval "
            + config.intervalSeconds() + " s would make a different history: keep the old values, or use a new "
            + "GENERATOR_ID or a fresh Kafka");
      }
      start = p.getStartTs().toEpochMilli();
    }
    return new SimSettings(config.seed(), start, config.intervalSeconds(), config.anomalyRate(), config.lateRate(),
        config.duplicateRate(), config.behaviorStepTicks());
  }

  private void createDemoTwins(SimSettings settings) {
    for (TwinRegistryEvent created : DemoTwins.created(config.twins(), config.seed(), settings.startMillis())) {
      sink.registry(created);
      apply(created, 0);
    }
    commit(settings);
    LOG.info("first start: {} demo twins from {}", config.twins(), Instant.ofEpochMilli(settings.startMillis()));
  }

  private void loop(SimSettings settings) throws InterruptedException {
    Throttler throttler = new Throttler(config.speed(), settings.tickMillis(lastTick + 1), clock.millis(), System.nanoTime());
    long txnStarted = System.nanoTime();
    long lastPoll = 0;
    Long end = config.end() == null ? null : config.end().toEpochMilli();
    while (stop.getCount() > 0) {
      long t = lastTick + 1;
      if (end != null && settings.tickMillis(t) >= end) {
        commitIfOpen(settings);
        status.finished = true;
        stop.await();
        return;
      }
      long wait = throttler.waitMillis(settings.tickMillis(t + 1), System.nanoTime());
      if (wait > 0) {
        commitIfOpen(settings);
        stop.await(wait, TimeUnit.MILLISECONDS);
        continue;
      }
      if (!sink.open()) {
        txnStarted = System.nanoTime();
      }
      if (System.nanoTime() - lastPoll >= POLL_EVERY_NANOS) {
        for (TwinRegistryEvent e : feed.poll()) {
          if (appliedIds.add(e.getEventId())) {
            apply(e, t);
          }
        }
        lastPoll = System.nanoTime();
      }
      applyReplayed(t);
      sim.step(t, sink);
      lastTick = t;
      if (sink.pendingRecords() >= config.batchRecords() || System.nanoTime() - txnStarted >= COMMIT_EVERY_NANOS) {
        commit(settings);
      }
    }
    commitIfOpen(settings);
  }

  /** A registry change takes effect before tick {@code t}; the marker makes a restart do the same. */
  private void apply(TwinRegistryEvent event, long t) {
    appliedIds.add(event.getEventId());
    sim.apply(event);
    sink.applied(progress(sim.settings(), t), event);
  }

  private void applyReplayed(long t) {
    while (replayed < toReplay.size() && toReplay.get(replayed).tick() <= t) {
      sim.apply(toReplay.get(replayed++).event());
    }
  }

  private void commitIfOpen(SimSettings settings) {
    if (sink.open()) {
      commit(settings);
    }
  }

  private void commit(SimSettings settings) {
    GeneratorProgress progress = progress(settings, lastTick);
    progress.setRegistryOffsets(feed.offsets());
    Map<String, Long> counts = sink.commit(progress);
    status.committed(settings.tickMillis(lastTick + 1), counts, sim.size());
  }

  private GeneratorProgress progress(SimSettings s, long tick) {
    return new GeneratorProgress(s.seed(), Instant.ofEpochMilli(s.startMillis()), s.intervalSeconds(), tick, new HashMap<>(), new HashMap<>(), null);
  }
}
