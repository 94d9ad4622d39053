package ai.digitaltwin.bench.producer;

import ai.digitaltwin.bench.BenchConfig;
import ai.digitaltwin.bench.Poll;
import ai.digitaltwin.bench.report.Figure;
import ai.digitaltwin.bench.report.Format;
import ai.digitaltwin.bench.report.Goal;
import ai.digitaltwin.bench.report.Measure;
import ai.digitaltwin.bench.report.Samples;
import ai.digitaltwin.generator.GeneratorConfig;
import ai.digitaltwin.generator.GeneratorService;
import ai.digitaltwin.generator.bench.PerfTool;
import ai.digitaltwin.kafka.EmbeddedKafka;
import ai.digitaltwin.schemas.Topic;
import ai.digitaltwin.schemas.Topics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The generator's backfill next to Kafka's {@code ProducerPerformance} on one embedded broker: the tool
 * sends as many records of the generator's mean size, with the generator's producer settings (acks=all,
 * idempotence, lz4, linger 20 ms, 256 KiB batches) and transactions of at most 1 s. Runs alternate
 * (generator first, then the tool first), after one warm-up of each, so drift in the machine's load hits
 * both sides alike.
 */
public final class ProducerBench {
  /** The tool's own topic: not part of the system, so not in {@link Topics}. */
  private static final String PERF_TOPIC = "bench.producer-performance";
  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
  private static final int TWINS = 1000;
  private static final Map<String, String> PRODUCER = Map.of("acks", "all", "enable.idempotence", "true",
      "compression.type", "lz4", "linger.ms", "20", "batch.size", String.valueOf(256 * 1024),
      "buffer.memory", String.valueOf(64L * 1024 * 1024));

  private ProducerBench() {}

  public static Figure run(BenchConfig config, Path dir, PrintStream log) throws Exception {
    int size = RecordSize.mean(T0);
    List<Double> generator = new ArrayList<>();
    List<Double> tool = new ArrayList<>();
    long records = 0;
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
      kafka.createTopics(2);
      kafka.admin().createTopics(List.of(new NewTopic(PERF_TOPIC, Optional.of(2), Optional.empty()))).all().get();
      Map<String, String> props = new HashMap<>(PRODUCER);
      props.put("bootstrap.servers", kafka.bootstrapServers());
      Backfill warmUp = backfill(kafka.bootstrapServers(), Duration.ofHours(1), 0);
      double warmTool = PerfTool.run(PERF_TOPIC, warmUp.records(), size, props);
      log.printf("  warm-up: generator %,.0f records/s, ProducerPerformance %,.0f records/s%n", warmUp.rate(), warmTool);
      for (int run = 1; run <= config.runs(); run++) {
        double t = 0;
        if (run % 2 == 0) { // every other run the tool goes first; the generator's count is the same each run
          t = PerfTool.run(PERF_TOPIC, records, size, props);
        }
        Backfill g = backfill(kafka.bootstrapServers(), config.producerSpan(), run);
        records = g.records();
        if (run % 2 == 1) {
          t = PerfTool.run(PERF_TOPIC, records, size, props);
        }
        log.printf("  run %d: generator %,.0f records/s, ProducerPerformance %,.0f records/s (%,d records)%n", run,
            g.rate(), t, records);
        generator.add(g.rate());
        tool.add(t);
      }
    }
    return Figure.of("generator backfill vs ProducerPerformance",
        new Measure("generator", "records/s", Samples.of(generator)),
        new Measure("ProducerPerformance", "records/s", Samples.of(tool)),
        String.format("%,d twins x %s simulated = %,d records of %d B mean (value + key) per run, embedded broker, "
            + "2 partitions, same producer settings and 1 s transactions; generator timed from its first commit to "
            + "its end; run-by-run ratios %s", TWINS, Format.span(config.producerSpan()), records, size,
            Format.pairedRatios(generator, tool)),
        Goal.ratioAtLeast(0.9));
  }

  private record Backfill(long records, double rate) {}

  /** Records and records per second of one backfill, from its first commit (demo twins) to its end. */
  private static Backfill backfill(String bootstrap, Duration span, int run) {
    GeneratorConfig cfg = GeneratorConfig.fromEnv(Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap,
        "GENERATOR_ID", "bench-producer-" + run, "GENERATOR_TWINS", String.valueOf(TWINS),
        "GENERATOR_START", T0.toString(), "GENERATOR_END", T0.plus(span).toString()));
    List<Topic<?>> counted = List.of(Topics.HEALTH, Topics.BEHAVIOR, Topics.GROUND_TRUTH);
    try (GeneratorService generator = GeneratorService.start(cfg)) {
      long started = Poll.until(() -> failed(generator) || generator.produced(Topics.REGISTRY) > 0,
          Duration.ofMinutes(2), 2, "the generator's first commit");
      long before = counted.stream().mapToLong(generator::produced).sum();
      long finished = Poll.until(() -> failed(generator) || generator.finished(), Duration.ofMinutes(30), 2,
          "the generator's backfill");
      generator.failure().ifPresent(e -> {
        throw e;
      });
      long records = counted.stream().mapToLong(generator::produced).sum() - before;
      return new Backfill(records, records / ((finished - started) / 1e9));
    }
  }

  private static boolean failed(GeneratorService generator) {
    return generator.failure().isPresent();
  }
}
