package ai.digitaltwin.bench.producer;

import ai.digitaltwin.config.Env;
import ai.digitaltwin.generator.GeneratorConfig;
import ai.digitaltwin.generator.GeneratorService;
import ai.digitaltwin.generator.sim.DemoTwins;
import ai.digitaltwin.generator.sim.Emitter;
import ai.digitaltwin.generator.sim.SimSettings;
import ai.digitaltwin.generator.sim.Simulation;
import ai.digitaltwin.kafka.EmbeddedKafka;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Topic;
import ai.digitaltwin.schemas.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Backfill throughput of the generator next to Kafka's {@code ProducerPerformance}, in one run against one
 * broker: the tool sends as many records of the generator's mean size, with the same acks, compression,
 * batching and transactions. The ratio is what making realistic people costs.
 *
 * <p>Usage: {@code GeneratorBenchmark [twins=1000] [days=1] [bootstrap]}; without a bootstrap an
 * embedded broker is started in a temporary directory.
 */
public final class GeneratorBenchmark {
  /** The tool's own topic: not part of the system, so not in {@link Topics}. */
  private static final String PERF_TOPIC = "bench.producer-performance";
  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
  private static final Map<String, String> PRODUCER = Map.of("acks", "all", "enable.idempotence", "true",
      "compression.type", "lz4", "linger.ms", "20", "batch.size", String.valueOf(256 * 1024),
      "buffer.memory", String.valueOf(64L * 1024 * 1024));

  private GeneratorBenchmark() {}

  public static void main(String[] args) throws Exception {
    int twins = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int days = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    Path dir = Files.createTempDirectory("generator-bench");
    EmbeddedKafka embedded = args.length > 2 ? null : EmbeddedKafka.start(dir.resolve("kafka"));
    String bootstrap = embedded != null ? embedded.bootstrapServers() : args[2];
    try {
      int partitions = prepareTopics(bootstrap, embedded);
      int size = meanRecordSize(twins, days);
      long started = System.nanoTime();
      long records;
      try (GeneratorService generator = GeneratorService.start(config(bootstrap, twins, days))) {
        waitFinished(generator);
        records = List.<Topic<?>>of(Topics.HEALTH, Topics.BEHAVIOR, Topics.GROUND_TRUTH, Topics.REGISTRY).stream()
            .mapToLong(generator::produced).sum();
      }
      double generatorRate = records / ((System.nanoTime() - started) / 1e9);
      Map<String, String> props = new java.util.HashMap<>(PRODUCER);
      props.put("bootstrap.servers", bootstrap);
      double toolRate = PerfTool.run(PERF_TOPIC, records, size, props);
      System.out.printf("%n%d twins x %d days, %d partitions, %,d records of %d bytes on average%n", twins, days,
          partitions, records, size);
      System.out.printf("ProducerPerformance: %,.0f records/s%n", toolRate);
      System.out.printf("generator backfill:  %,.0f records/s%n", generatorRate);
      System.out.printf("ratio: %.2f (goal >= 0.9)%n", generatorRate / toolRate);
    } finally {
      if (embedded != null) {
        embedded.close();
      }
      delete(dir); // the embedded broker's log of the run: ~400 MB at 1,000 twins x 1 day
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static GeneratorConfig config(String bootstrap, int twins, int days) {
    return GeneratorConfig.fromEnv(Env.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap, "GENERATOR_ID", "bench-" + System.nanoTime(),
        "GENERATOR_TWINS", String.valueOf(twins), "GENERATOR_START", T0.toString(),
        "GENERATOR_END", T0.plus(Duration.ofDays(days)).toString())));
  }

  private static int prepareTopics(String bootstrap, EmbeddedKafka embedded) throws Exception {
    if (embedded != null) {
      embedded.createTopics(2);
    }
    try (Admin admin = ai.digitaltwin.generator.kafka.KafkaClients.admin(bootstrap)) {
      int partitions = admin.describeTopics(Set.of(Topics.HEALTH.name())).allTopicNames().get()
          .get(Topics.HEALTH.name()).partitions().size();
      if (!admin.listTopics().names().get().contains(PERF_TOPIC)) {
        admin.createTopics(List.of(new NewTopic(PERF_TOPIC, Optional.of(partitions), Optional.empty()))).all().get();
      }
      return partitions;
    }
  }

  private static int meanRecordSize(int twins, int days) {
    return meanRecordSize(T0, twins, days);
  }

  /**
   * Mean size (value plus twin-id key) of what the generator sends, from a sample of at most 50 twins over
   * at most one day starting at {@code start}: what a reference producer must send to be comparable.
   */
  public static int meanRecordSize(Instant start, int twins, int days) {
    long[] bytes = new long[2];
    Emitter measure = new Emitter() {
      @Override
      public void health(HealthEvent e) {
        add(Topics.HEALTH.codec().encode(e).length + e.getTwinId().length());
      }

      @Override
      public void behavior(BehaviorEvent e) {
        add(Topics.BEHAVIOR.codec().encode(e).length + e.getTwinId().length());
      }

      @Override
      public void groundTruth(GroundTruthEpisode e) {
        add(Topics.GROUND_TRUTH.codec().encode(e).length + e.getTwinId().length());
      }

      private void add(int n) {
        bytes[0] += n;
        bytes[1]++;
      }
    };
    GeneratorConfig defaults = GeneratorConfig.defaults();
    Simulation sim = new Simulation(new SimSettings(defaults.seed(), start.toEpochMilli(), 60, defaults.anomalyRate(), 0, 0,
        defaults.behaviorStepTicks()));
    DemoTwins.created(Math.min(twins, 50), defaults.seed(), start.toEpochMilli()).forEach(sim::apply);
    for (long t = 0; t < Math.min(days, 1) * 1440L; t++) {
      sim.step(t, measure);
    }
    return (int) Math.round((double) bytes[0] / bytes[1]);
  }

  private static void waitFinished(GeneratorService generator) throws InterruptedException {
    while (!generator.finished()) {
      if (generator.failure().isPresent()) {
        throw generator.failure().get();
      }
      Thread.sleep(20); // polling pace of a benchmark driver, not synchronisation in a test
    }
  }
}
