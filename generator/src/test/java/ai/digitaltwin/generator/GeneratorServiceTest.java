package ai.digitaltwin.generator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.kafka.EmbeddedKafka;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Personality;
import ai.digitaltwin.schemas.Profile;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorServiceTest {
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

  static GeneratorConfig config(String id, Instant end, int twins) {
    return GeneratorConfig.fromEnv(Map.of(
        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "GENERATOR_ID", id, "GENERATOR_TWINS", String.valueOf(twins),
        "GENERATOR_START", T0.toString(), "GENERATOR_END", end.toString()));
  }

  @Test
  void producesDemoTwinsAndCountsExactlyWhatIsCommitted() {
    try (GeneratorService service = GeneratorService.start(config("demo", T0.plus(Duration.ofHours(6)), 5))) {
      Await.until("the generator to reach its end", Duration.ofSeconds(60), service::finished);
      assertThat(service.healthProduced()).isEqualTo(5 * 360);
      assertThat(service.simulatedTime()).isEqualTo(T0.plus(Duration.ofHours(6)));
      assertThat(service.produced(Topics.REGISTRY)).isEqualTo(5);
      assertThat(service.produced(Topics.BEHAVIOR)).isGreaterThan(5 * 24); // steps every 15 min + transitions
    }
    List<ConsumerRecord<byte[], byte[]>> registry = TopicReader.readAll(kafka.bootstrapServers(), Topics.REGISTRY.name());
    List<TwinRegistryEvent> created = registry.stream().map(r -> Topics.REGISTRY.codec().decode(r.value()))
        .filter(e -> e.getTwinId().startsWith("demo-")).toList();
    assertThat(created).extracting(TwinRegistryEvent::getTwinId)
        .containsExactlyInAnyOrder("demo-001", "demo-002", "demo-003", "demo-004", "demo-005");
    assertThat(created).filteredOn(e -> e.getTwinId().equals("demo-001"))
        .extracting(e -> e.getProfile().getName()).containsExactly("Demo Digital Twin");
  }
}
