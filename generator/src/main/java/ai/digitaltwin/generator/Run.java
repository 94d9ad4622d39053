package ai.digitaltwin.generator;

import ai.digitaltwin.generator.kafka.Checkpoint;
import ai.digitaltwin.generator.kafka.Chunk;
import ai.digitaltwin.generator.kafka.KafkaClients;
import ai.digitaltwin.generator.kafka.RegistryFeed;
import ai.digitaltwin.generator.kafka.TopicCheck;
import ai.digitaltwin.generator.kafka.TransactionalSink;
import ai.digitaltwin.generator.sim.DemoTwins;
import ai.digitaltwin.generator.sim.Emitter;
import ai.digitaltwin.generator.sim.SimSettings;
import ai.digitaltwin.generator.sim.Simulation;
import ai.digitaltwin.schemas.GeneratorProgress;
import ai.digitaltwin.schemas.Topic;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One life of the producing loop: restore from the checkpoint, then produce tick after tick until
 * stopped. Restoring replays the committed history without sending (the simulation is deterministic and
 * the registry changes are in the checkpoint with their ticks), so the next event sent is exactly the
 * first one downstream has not seen. From there a {@link TickSource} simulates and encodes ahead on its
 * own thread while this one sends and commits.
 */
final class Run {
  private static final Logger LOG = LoggerFactory.getLogger(Run.class);
  /**
   * While catching up a transaction ends after a second (or GENERATOR_BATCH_RECORDS records, by default
   * far more than a second's worth). Each commit flushes unfilled batches and waits for the coordinator
   * while the sending thread stands still, and costs the broker its markers: committing every 50,000
   * records (the old default, several commits a second) made backfills measurably slower (generator
   * README). A longer transaction only delays what read_committed consumers see, by at most this second.
   */
  private static final long COMMIT_EVERY_NANOS = 1_000_000_000L;
  private static final long TAKE_TIMEOUT_MILLIS = 100;

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
  private Map<String, Long> registryOffsets;
  private int twins;

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
        registryOffsets = feed.offsets();
        twins = sim.size();
        try (TickSource source = new TickSource(config, clock, stop, sim, feed, appliedIds,
            toReplay.subList(replayed, toReplay.size()), lastTick + 1, partitions(producer))) {
          source.start();
          send(settings, source);
        }
      }
    }
  }

  /** Partitions of each event topic, as the producer's metadata has them now. */
  private static Map<String, Integer> partitions(KafkaProducer<byte[], byte[]> producer) {
    Map<String, Integer> partitions = new HashMap<>();
    for (Topic<?> topic : List.of(Topics.HEALTH, Topics.BEHAVIOR, Topics.GROUND_TRUTH)) {
      partitions.put(topic.name(), producer.partitionsFor(topic.name()).size());
    }
    return partitions;
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
    registryOffsets = feed.offsets();
    twins = sim.size();
    commit(settings);
    LOG.info("first start: {} demo twins from {}", config.twins(), Instant.ofEpochMilli(settings.startMillis()));
  }

  /**
   * Sends the source's chunks in order and commits at tick boundaries: every {@code batchRecords} records
   * or second while catching up, and whenever no tick is due. Once stopped, the tick being sent is
   * finished first, so a transaction never holds part of a tick.
   */
  private void send(SimSettings settings, TickSource source) throws InterruptedException {
    long txnStarted = System.nanoTime();
    boolean midTick = false;
    while (stop.getCount() > 0 || midTick) {
      Chunk chunk = source.next(TAKE_TIMEOUT_MILLIS);
      if (chunk == null) {
        continue;
      }
      switch (chunk.kind()) {
        case IDLE -> commitIfOpen(settings);
        case END -> {
          commitIfOpen(settings);
          status.finished = true;
          stop.await();
          return;
        }
        case RECORDS -> {
          if (!sink.open()) {
            txnStarted = System.nanoTime();
          }
          sink.send(chunk);
          midTick = !chunk.endOfTick();
          if (chunk.endOfTick()) {
            lastTick = chunk.tick();
            registryOffsets = chunk.registryOffsets();
            twins = chunk.twins();
            if (sink.pendingRecords() >= config.batchRecords() || System.nanoTime() - txnStarted >= COMMIT_EVERY_NANOS) {
              commit(settings);
            }
          }
        }
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
    progress.setRegistryOffsets(new HashMap<>(registryOffsets));
    Map<String, Long> counts = sink.commit(progress);
    status.committed(settings.tickMillis(lastTick + 1), counts, twins);
  }

  static GeneratorProgress progress(SimSettings s, long tick) {
    return new GeneratorProgress(s.seed(), Instant.ofEpochMilli(s.startMillis()), s.intervalSeconds(), tick, new HashMap<>(), new HashMap<>(), null);
  }
}
