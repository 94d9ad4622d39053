package ai.digitaltwin.generator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Personality;
import ai.digitaltwin.schemas.Profile;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import ai.digitaltwin.testkit.Await;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class RegistryFollowTest extends WithBroker {
  @Test
  void twinsCreatedThroughTheRegistryJoinTheSimulation() throws Exception {
    TwinRegistryEvent created = new TwinRegistryEvent("api-evt-1", "api-001", T0, "created",
        new Profile("Ada Lovelace", 36, "female", "Researcher", List.of("math"), "Europe/London"),
        new Personality(0.9, 0.7, 0.3, 0.6, 0.3), "user-1", null, "created in the API");
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
        "bootstrap.servers", kafka.bootstrapServers(),
        "key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer",
        "value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer"))) {
      producer.send(new ProducerRecord<>(Topics.REGISTRY.name(), "api-001".getBytes(StandardCharsets.UTF_8),
          Topics.REGISTRY.codec().encode(created))).get();
    }
    try (GeneratorService service = GeneratorService.start(config("registry", T0.plus(Duration.ofHours(12)), 1))) {
      Await.until("the generator to reach its end", Duration.ofSeconds(60), service::finished);
      assertThat(service.twins()).isEqualTo(2);
    }
    Set<String> twins = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(kafka.bootstrapServers(), Topics.HEALTH.name())) {
      HealthEvent e = Topics.HEALTH.codec().decode(r.value());
      twins.add(e.getTwinId());
    }
    assertThat(twins).contains("api-001", "demo-001");
  }
}
