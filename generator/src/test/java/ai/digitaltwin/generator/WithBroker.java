package ai.digitaltwin.generator;

import ai.digitaltwin.config.Env;
import ai.digitaltwin.kafka.EmbeddedKafka;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** A test class's own embedded broker (topics with two partitions), and generator settings against it. */
abstract class WithBroker {
  static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
  @TempDir static Path dir;
  static EmbeddedKafka kafka;

  @BeforeAll
  static void broker() {
    kafka = EmbeddedKafka.start(dir.resolve("kafka"));
    kafka.createTopics(2);
  }

  @AfterAll
  static void stop() {
    kafka.close();
  }

  /** A generator named {@code id} simulating {@code twins} twins from {@link #T0} to {@code end}. */
  static GeneratorConfig config(String id, Instant end, int twins) {
    return GeneratorConfig.fromEnv(Env.of(Map.of(
        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "GENERATOR_ID", id, "GENERATOR_TWINS", String.valueOf(twins),
        "GENERATOR_START", T0.toString(), "GENERATOR_END", end.toString())));
  }
}
