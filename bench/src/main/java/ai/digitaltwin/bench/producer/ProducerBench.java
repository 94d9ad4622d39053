package ai.digitaltwin.bench.producer;

import ai.digitaltwin.bench.BenchConfig;
import ai.digitaltwin.bench.report.Figure;
import ai.digitaltwin.bench.report.Format;
import ai.digitaltwin.bench.report.Goal;
import ai.digitaltwin.bench.report.Measure;
import ai.digitaltwin.bench.report.Samples;
import ai.digitaltwin.config.Env;
import ai.digitaltwin.generator.GeneratorConfig;
import ai.digitaltwin.generator.GeneratorService;
import ai.digitaltwin.kafka.EmbeddedKafka;
import ai.digitaltwin.schemas.Topic;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.testkit.Await;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The generator's backfill next to Kafka's {@code ProducerPerformance} on one embedded broker: the tool
 * sends as many records of the generator's mean size, with the generator's producer settings (acks=all,
 * idempotence, lz4, linger 20 ms, 256 KiB batches) and transactions of at most 1 s. Runs alternate
 * (generator first, then the tool first), after one warm-up of each, so drift in the machine's load hits
 * both sides alike. Next to records per second, CPU time per record: of each side's own threads (the
 * generator's simulating, sending and producer I/O threads; the tool's sending and producer I/O threads)
 * and of the whole process with the broker. On a shared machine the clock scatters from run to run; CPU
 * time much less.
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

  public static List<Figure> run(BenchConfig config, Path dir, PrintStream log) throws Exception {
    int size = GeneratorBenchmark.meanRecordSize(T0, 50, 1);
    List<Double> generator = new ArrayList<>();
    List<Double> tool = new ArrayList<>();
    List<Double> generatorCpu = new ArrayList<>();
    List<Double> toolCpu = new ArrayList<>();
    List<Double> generatorProcessCpu = new ArrayList<>();
    List<Double> toolProcessCpu = new ArrayList<>();
    long records = 0;
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka")); CpuMeter cpu = new CpuMeter()) {
      kafka.createTopics(2);
      kafka.admin().createTopics(List.of(new NewTopic(PERF_TOPIC, Optional.of(2), Optional.empty()))).all().get();
      Map<String, String> props = new HashMap<>(PRODUCER);
      props.put("bootstrap.servers", kafka.bootstrapServers());
      Backfill warmUp = backfill(kafka.bootstrapServers(), Duration.ofHours(1), 0, cpu);
      Tool warmTool = tool(PERF_TOPIC, warmUp.records(), size, props, cpu);
      log.printf("  warm-up: generator %,.0f records/s, ProducerPerformance %,.0f records/s%n", warmUp.rate(),
          warmTool.rate());
      for (int run = 1; run <= config.runs(); run++) {
        Tool t = null;
        if (run % 2 == 0) { // every other run the tool goes first; the generator's count is the same each run
          t = tool(PERF_TOPIC, records, size, props, cpu);
        }
        Backfill g = backfill(kafka.bootstrapServers(), config.producerSpan(), run, cpu);
        records = g.records();
        if (run % 2 == 1) {
          t = tool(PERF_TOPIC, records, size, props, cpu);
        }
        log.printf("  run %d: generator %,.0f records/s, ProducerPerformance %,.0f records/s (%,d records); CPU per "
                + "record, own threads %,.0f / %,.0f ns, process %,.0f / %,.0f ns%n", run, g.rate(), t.rate(), records,
            g.ownCpu(), t.ownCpu(), g.processCpu(), t.processCpu());
        generator.add(g.rate());
        tool.add(t.rate());
        generatorCpu.add(g.ownCpu());
        toolCpu.add(t.ownCpu());
        generatorProcessCpu.add(g.processCpu());
        toolProcessCpu.add(t.processCpu());
      }
    }
    String setup = String.format("%,d twins x %s simulated = %,d records of %d B mean (value + key) per run, embedded "
        + "broker, 2 partitions, same producer settings and 1 s transactions", TWINS, Format.span(config.producerSpan()),
        records, size);
    return List.of(
        Figure.of("generator backfill vs ProducerPerformance",
            new Measure("generator", "records/s", Samples.of(generator)),
            new Measure("ProducerPerformance", "records/s", Samples.of(tool)),
            String.format("%s; generator timed from its first commit to its end; run-by-run ratios %s", setup,
                Format.pairedRatios(generator, tool)),
            Goal.ratioAtLeast(0.9)),
        Figure.of("CPU per record of each side's own threads",
            new Measure("generator", "ns", Samples.of(generatorCpu)),
            new Measure("ProducerPerformance", "ns", Samples.of(toolCpu)),
            String.format("%s; generator: simulating, sending and producer I/O threads from start to end; tool: its "
                + "sending and producer I/O threads; whole process with the broker: generator %s ns, tool %s ns "
                + "(medians); run-by-run ratios %s", setup, Format.number(Samples.of(generatorProcessCpu).median()),
                Format.number(Samples.of(toolProcessCpu).median()), Format.pairedRatios(generatorCpu, toolCpu))));
  }

  /**
   * @param ownCpu CPU nanoseconds per record of the generator's own threads, start to end
   * @param processCpu CPU nanoseconds per record of the whole process (broker included), start to end
   */
  private record Backfill(long records, double rate, double ownCpu, double processCpu) {}

  private record Tool(double rate, double ownCpu, double processCpu) {}

  /** One run of the tool; its own threads are this one (it runs in it) and its producer's I/O thread. */
  private static Tool tool(String topic, long records, int size, Map<String, String> props, CpuMeter cpu)
      throws Exception {
    String caller = Thread.currentThread().getName();
    // the tool names its producer's client "perf-producer-client"; no other producer is open while it runs
    Predicate<String> own = name -> name.equals(caller)
        || name.startsWith("kafka-producer-network-thread") && !name.contains("digital-twin-generator");
    long ownBefore = cpu.nanos(own);
    long processBefore = CpuMeter.processNanos();
    double rate = PerfTool.run(topic, records, size, props);
    return new Tool(rate, (double) (cpu.nanos(own) - ownBefore) / records,
        (double) (CpuMeter.processNanos() - processBefore) / records);
  }

  /**
   * Records and records per second of one backfill, from its first commit (demo twins) to its end; CPU per
   * record from its start (creating the demo twins, reading the checkpoint) to its end.
   */
  private static Backfill backfill(String bootstrap, Duration span, int run, CpuMeter cpu) {
    String id = "bench-producer-" + run;
    GeneratorConfig cfg = GeneratorConfig.fromEnv(Env.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap,
        "GENERATOR_ID", id, "GENERATOR_TWINS", String.valueOf(TWINS),
        "GENERATOR_START", T0.toString(), "GENERATOR_END", T0.plus(span).toString())));
    List<Topic<?>> counted = List.of(Topics.HEALTH, Topics.BEHAVIOR, Topics.GROUND_TRUTH);
    // the names GeneratorService gives its threads, and Kafka its producer's I/O thread
    Predicate<String> own = name -> name.equals("generator-" + id) || name.equals("generator-" + id + "-simulation")
        || name.endsWith("| producer-digital-twin-generator-" + id);
    long ownBefore = cpu.nanos(own);
    long processBefore = CpuMeter.processNanos();
    try (GeneratorService generator = GeneratorService.start(cfg)) {
      long started = Await.until("the generator's first commit", Duration.ofMinutes(2), Duration.ofMillis(2), () -> failed(generator) || generator.produced(Topics.REGISTRY) > 0);
      long before = counted.stream().mapToLong(generator::produced).sum();
      long finished = Await.until("the generator's backfill", Duration.ofMinutes(30), Duration.ofMillis(2), () -> failed(generator) || generator.finished());
      generator.failure().ifPresent(e -> {
        throw e;
      });
      long records = counted.stream().mapToLong(generator::produced).sum() - before;
      long all = counted.stream().mapToLong(generator::produced).sum();
      return new Backfill(records, records / ((finished - started) / 1e9), (double) (cpu.nanos(own) - ownBefore) / all,
          (double) (CpuMeter.processNanos() - processBefore) / all);
    }
  }

  private static boolean failed(GeneratorService generator) {
    return generator.failure().isPresent();
  }
}
