package ai.digitaltwin.generator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import ai.digitaltwin.testkit.Await;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class GeneratorServiceTest extends WithBroker {
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
