package ai.digitaltwin.bench.producer;

import ai.digitaltwin.bench.BenchConfig;
import ai.digitaltwin.bench.Poll;
import ai.digitaltwin.bench.report.Figure;
import ai.digitaltwin.bench.report.Measure;
import ai.digitaltwin.generator.GeneratorConfig;
import ai.digitaltwin.generator.GeneratorService;
import ai.digitaltwin.kafka.EmbeddedKafka;
import ai.digitaltwin.schemas.Topics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Wall time of a backfill into an embedded broker, as {@code ./twin generator --days N --twins M} runs it. */
public final class BackfillBench {
  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  private BackfillBench() {}

  public static Figure run(BenchConfig config, Path dir, PrintStream log) {
    int twins = config.backfillTwins();
    int days = config.backfillDays();
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
      kafka.createTopics(2);
      long started = System.nanoTime();
      long health;
      long records;
      try (GeneratorService generator = GeneratorService.start(GeneratorConfig.fromEnv(Map.of(
          "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "GENERATOR_ID", "bench-backfill",
          "GENERATOR_TWINS", String.valueOf(twins), "GENERATOR_START", T0.toString(),
          "GENERATOR_END", T0.plus(Duration.ofDays(days)).toString())))) {
        Poll.until(() -> generator.finished() || generator.failure().isPresent(), Duration.ofHours(2), 100,
            "the backfill");
        generator.failure().ifPresent(e -> {
          throw e;
        });
        health = generator.produced(Topics.HEALTH);
        records = health + generator.produced(Topics.BEHAVIOR) + generator.produced(Topics.GROUND_TRUTH);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      log.printf("  %,d twins x %d days: %,d records in %.0f s%n", twins, days, records, seconds);
      String scale = config.quick() ? " (quick run: smaller than the issue's 1,000 twins x 30 days)" : "";
      return Figure.of(String.format("backfill wall time, %,d twins x %d days%s", twins, days,
              config.quick() ? " (quick)" : ""), Measure.of("generator", "s", seconds), null,
          String.format("%,d health events, %,d records in all (%,.0f records/s), embedded broker, exactly-once "
              + "transactions, from start to the last commit%s", health, records, records / seconds, scale));
    }
  }
}
