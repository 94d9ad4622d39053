package ai.digitaltwin.bench.stream;

import ai.digitaltwin.bench.BenchConfig;
import ai.digitaltwin.bench.report.Figure;
import ai.digitaltwin.bench.report.Format;
import ai.digitaltwin.bench.report.Goal;
import ai.digitaltwin.bench.report.Measure;
import ai.digitaltwin.bench.report.Samples;
import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.config.Env;
import ai.digitaltwin.generator.GeneratorConfig;
import ai.digitaltwin.generator.GeneratorService;
import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.jobs.sink.HotPath;
import ai.digitaltwin.jobs.sink.IcebergSinks;
import ai.digitaltwin.jobs.stream.Checkpoints;
import ai.digitaltwin.jobs.stream.StreamOutputs;
import ai.digitaltwin.jobs.stream.TwinStreamJob;
import ai.digitaltwin.kafka.EmbeddedKafka;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.schemas.Topic;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.testkit.Await;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * The full stream job ({@link TwinStreamJob#build} with the job's own sinks) next to {@link PassThroughJob},
 * each on its own MiniCluster at parallelism 1 over the same generated records, read to the end and
 * committed to a fresh Iceberg warehouse. Each run checks that every health event reached the table. The
 * same runs measure the full job's front stages alone ({@link StagedJob}), to show where its cost lies.
 */
public final class StreamBench {
  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
  private static final int TWINS = 1000;
  private static final List<Topic<?>> INPUTS = List.of(Topics.HEALTH, Topics.BEHAVIOR, Topics.GROUND_TRUTH, Topics.REGISTRY);

  private StreamBench() {}

  public static List<Figure> run(BenchConfig config, Path dir, PrintStream log) throws Exception {
    Map<Job, List<Double>> rates = new EnumMap<>(Job.class);
    long records;
    long health;
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
      kafka.createTopics(2);
      try (GeneratorService generator = GeneratorService.start(GeneratorConfig.fromEnv(Env.of(Map.of(
          "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "GENERATOR_ID", "bench-stream",
          "GENERATOR_TWINS", String.valueOf(TWINS), "GENERATOR_START", T0.toString(),
          "GENERATOR_END", T0.plus(config.producerSpan()).toString()))))) {
        Await.until("the stream dataset", Duration.ofMinutes(30), Duration.ofMillis(50), () -> generator.finished() || generator.failure().isPresent());
        records = INPUTS.stream().mapToLong(generator::produced).sum();
        health = generator.produced(Topics.HEALTH);
      }
      log.printf("  dataset: %,d records (%,d health events)%n", records, health);
      Job[] jobs = Job.values();
      for (int run = 0; run <= config.runs(); run++) {
        StringBuilder line = new StringBuilder();
        // each run starts with another job, so that none is always the first or the last on a warm JVM
        for (int i = 0; i < jobs.length; i++) {
          Job job = jobs[(run + i) % jobs.length];
          double cpuBefore = processCpuSeconds();
          double rate = records / job(kafka.bootstrapServers(), dir.resolve("run-" + run + "-" + job.name().toLowerCase()),
              job, 1, health, log);
          line.append(String.format("%s%s %,.0f events/s (%.0f CPU s)", i == 0 ? "" : ", ", job.label, rate,
              processCpuSeconds() - cpuBefore));
          if (run > 0) {
            rates.computeIfAbsent(job, j -> new ArrayList<>()).add(rate);
          }
        }
        log.printf("  run %d%s: %s%n", run, run == 0 ? " (warm-up)" : "", line);
      }
    }
    Measure pass = new Measure("pass-through job", "events/s", Samples.of(rates.get(Job.PASS_THROUGH)));
    String dataset = String.format("%,d records (%,d twins x %s simulated) read to the end from an embedded broker, "
        + "MiniCluster at parallelism 1, checkpoints every 10 s, fresh warehouse per run; events/s = records / job net "
        + "runtime (deployment included)", records, TWINS, Format.span(config.producerSpan()));
    List<Figure> figures = new ArrayList<>();
    figures.add(Figure.of("stream job vs pass-through (Kafka → Iceberg)",
        new Measure("full stream job", "events/s", Samples.of(rates.get(Job.FULL))), pass,
        dataset + "; run-by-run ratios " + Format.pairedRatios(rates.get(Job.FULL), rates.get(Job.PASS_THROUGH)),
        Goal.ratioAtLeast(0.8), Goal.valueAtLeast(50_000)));
    for (Job job : Job.values()) {
      if (job.stage == null) {
        continue;
      }
      figures.add(Figure.of("stream job, front stages only (" + job.label + ") vs pass-through",
          new Measure(job.label, "events/s", Samples.of(rates.get(job))), pass,
          job.stage.describe + ", into the same tables (no twin state, " + Tables.TWIN_STATE + " rows or hot path); "
              + "same records and runs; run-by-run ratios " + Format.pairedRatios(rates.get(job), rates.get(Job.PASS_THROUGH))));
    }
    return figures;
  }

  /** The jobs each run measures: the full job, its reference, and the full job's front stages alone. */
  private enum Job {
    FULL("full job", null),
    PASS_THROUGH("pass-through", null),
    DEDUP("dedup only", StagedJob.Stage.DEDUP),
    DETECTION("dedup + detection", StagedJob.Stage.DETECTION);

    final String label;
    /** The front stages this job runs alone; null for the full job and the pass-through. */
    final StagedJob.Stage stage;

    Job(String label, StagedJob.Stage stage) {
      this.label = label;
      this.stage = stage;
    }
  }

  /**
   * The full stream job over every record of the broker's input topics, to their end, into a fresh
   * warehouse under {@code dir}; its net runtime in seconds, after checking that all {@code health} events
   * reached the health table.
   */
  public static double fullJob(String bootstrap, Path dir, int parallelism, long health, PrintStream log) throws Exception {
    return job(bootstrap, dir, Job.FULL, parallelism, health, log);
  }

  /** Runs one job to its end; returns its net runtime in seconds after checking the health table. */
  private static double job(String bootstrap, Path dir, Job job, int parallelism, long health, PrintStream log)
      throws Exception {
    CatalogConfig catalog = CatalogConfig.local(dir.resolve("warehouse"));
    JobConfig config = JobConfig.defaults(catalog).withKafka(bootstrap, "bench-" + dir.getFileName()).withParallelism(parallelism);
    Configuration conf = Checkpoints.localConfiguration(dir.resolve("checkpoints"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
    TwinStreamJob.configure(env, config);
    try (TwinCatalog c = TwinCatalog.open(catalog)) {
      c.ensureTables();
    }
    switch (job) {
      case FULL -> {
        StreamOutputs outputs = TwinStreamJob.build(BoundedInputs.of(env, config), config);
        outputs.tables().forEach((table, rows) -> IcebergSinks.append(rows, catalog, table));
        HotPath.sink(outputs.states(), Topics.STATE, config);
        HotPath.sink(outputs.anomalies(), Topics.ANOMALIES, config);
      }
      case PASS_THROUGH -> PassThroughJob.define(env, config);
      case DEDUP, DETECTION -> StagedJob.define(BoundedInputs.of(env, config), config, job.stage);
    }
    JobExecutionResult result = env.execute("bench-" + job.name().toLowerCase().replace('_', '-'));
    long rows = rows(catalog, Tables.HEALTH_EVENTS);
    if (job == Job.FULL) {
      log.printf("    full job wrote %,d %s rows and %,d %s rows%n", rows(catalog, Tables.TWIN_STATE), Tables.TWIN_STATE,
          rows(catalog, Tables.ANOMALIES), Tables.ANOMALIES);
    }
    if (rows != health) {
      throw new IllegalStateException(job.label + " wrote " + rows + " health rows, expected " + health);
    }
    return result.getNetRuntime() / 1000.0;
  }

  /** CPU time of this whole process (the broker included): what a job costs, whatever else loads the machine. */
  private static double processCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()
        / 1e9;
  }

  private static long rows(CatalogConfig catalog, String name) throws Exception {
    try (TwinCatalog c = TwinCatalog.open(catalog)) {
      Table table = c.table(name);
      table.refresh();
      Snapshot s = table.currentSnapshot();
      return s == null ? 0 : Long.parseLong(s.summary().getOrDefault("total-records", "0"));
    }
  }
}
