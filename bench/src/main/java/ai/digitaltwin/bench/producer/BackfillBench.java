package ai.digitaltwin.bench.producer;

import ai.digitaltwin.bench.BenchConfig;
import ai.digitaltwin.bench.report.Figure;
import ai.digitaltwin.bench.report.Goal;
import ai.digitaltwin.bench.report.Measure;
import ai.digitaltwin.bench.stream.StreamBench;
import ai.digitaltwin.config.Env;
import ai.digitaltwin.generator.GeneratorConfig;
import ai.digitaltwin.generator.GeneratorService;
import ai.digitaltwin.kafka.EmbeddedKafka;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.testkit.Await;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Wall time of a backfill into an embedded broker, as {@code ./twin generator --days N --twins M} runs it;
 * then of the whole pipeline: the same records through the full stream job, read to the end and
 * committed to Iceberg (generator, then job: their sum is the figure).
 */
public final class BackfillBench {
  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  private BackfillBench() {}

  /** Seconds the issue allows for 1,000 twins x 30 days through the whole pipeline. */
  static final double PIPELINE_GOAL_SECONDS = 15 * 60;

  public static List<Figure> run(BenchConfig config, Path dir, PrintStream log) throws Exception {
    int twins = config.backfillTwins();
    int days = config.backfillDays();
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
      kafka.createTopics(2);
      long started = System.nanoTime();
      long health;
      long records;
      try (GeneratorService generator = GeneratorService.start(GeneratorConfig.fromEnv(Env.of(Map.of(
          "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "GENERATOR_ID", "bench-backfill",
          "GENERATOR_TWINS", String.valueOf(twins), "GENERATOR_START", T0.toString(),
          "GENERATOR_END", T0.plus(Duration.ofDays(days)).toString()))))) {
        Await.until("the backfill", Duration.ofHours(2), Duration.ofMillis(100), () -> generator.finished() || generator.failure().isPresent());
        generator.failure().ifPresent(e -> {
          throw e;
        });
        health = generator.produced(Topics.HEALTH);
        records = health + generator.produced(Topics.BEHAVIOR) + generator.produced(Topics.GROUND_TRUTH);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      log.printf("  %,d twins x %d days: %,d records in %.0f s; now through the full stream job%n", twins, days,
          records, seconds);
      String scale = config.quick() ? " (quick run: smaller than the issue's 1,000 twins x 30 days)" : "";
      Figure generated = Figure.of(String.format("backfill wall time, %,d twins x %d days%s", twins, days,
              config.quick() ? " (quick)" : ""), Measure.of("generator", "s", seconds), null,
          String.format("%,d health events, %,d records in all (%,.0f records/s), embedded broker, exactly-once "
              + "transactions, from start to the last commit%s", health, records, records / seconds, scale));
      long cpuBefore = CpuMeter.processNanos();
      double job = StreamBench.fullJob(kafka.bootstrapServers(), dir.resolve("job"), config.backfillParallelism(), health, log);
      // what the clock cannot tell on a shared machine: the job's cost whatever else ran beside it
      double cpu = (CpuMeter.processNanos() - cpuBefore) / 1e9;
      log.printf("  stream job: %,.0f s (%,.0f events/s, %,.0f CPU s); pipeline %,.0f s%n", job, records / job, cpu,
          seconds + job);
      Figure pipeline = Figure.of(String.format("backfill through the whole pipeline, %,d twins x %d days%s", twins,
              days, config.quick() ? " (quick)" : ""), Measure.of("generator + stream job", "s", seconds + job), null,
          String.format("generator %.0f s into the broker, then the full stream job (MiniCluster, parallelism %d, "
              + "checkpoints every 10 s) reading every record to the end and committing to Iceberg in %.0f s "
              + "(%,.0f events/s; %,.0f CPU s of the whole process, broker included), every health event checked in the "
              + "table%s", seconds, config.backfillParallelism(), job, records / job, cpu, scale),
          config.quick() ? new Goal[0] : new Goal[] {Goal.valueAtMost(PIPELINE_GOAL_SECONDS)}); // the goal is for the full size
      return List.of(generated, pipeline);
    }
  }
}
