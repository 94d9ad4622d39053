package ai.digitaltwin.generator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.config.Env;
import ai.digitaltwin.kafka.EmbeddedKafka;
import ai.digitaltwin.testkit.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A failure the generator cannot recover from ends its thread, so whoever waits on it is told. */
class GeneratorGivesUpTest {
  static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
  @TempDir Path dir;

  @Test
  @Timeout(120)
  void aCheckpointOfAnotherSeedStopsTheGeneratorAndEndsItsThread() throws InterruptedException {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
      kafka.createTopics(1);
      try (GeneratorService first = GeneratorService.start(config(kafka, 1))) {
        Await.until("the first run to reach its end", Duration.ofSeconds(60), first::finished);
      }
      try (GeneratorService second = GeneratorService.start(config(kafka, 2))) {
        Await.until("the second run to give up", Duration.ofSeconds(60), () -> second.failure().isPresent());
        second.awaitTermination(); // ends without close()
        assertThat(second.failure()).get().isInstanceOf(IncompatibleCheckpointException.class);
        assertThat(second.failure().get().getMessage()).contains("seed");
      }
    }
  }

  private static GeneratorConfig config(EmbeddedKafka kafka, long seed) {
    return GeneratorConfig.fromEnv(Env.of(Map.of(
        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "GENERATOR_ID", "reseeded", "GENERATOR_TWINS", "2",
        "GENERATOR_START", T0.toString(), "GENERATOR_END", T0.plus(Duration.ofHours(1)).toString(),
        "GENERATOR_SEED", String.valueOf(seed))));
  }
}
