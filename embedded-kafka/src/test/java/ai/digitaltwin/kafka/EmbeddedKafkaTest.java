package ai.digitaltwin.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {
  @TempDir Path dir;

  @Test
  void keepsTopicsAndMessagesAcrossARestartOnTheSameDirectory() throws Exception {
    int port;
    int controllerPort;
    try (java.net.ServerSocket a = new java.net.ServerSocket(0);
        java.net.ServerSocket b = new java.net.ServerSocket(0)) {
      port = a.getLocalPort();
      controllerPort = b.getLocalPort();
    }
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, port, controllerPort)) {
      kafka.createTopics(2);
      try (Admin admin = kafka.admin()) {
        Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        assertThat(names).contains(Topics.HEALTH.name(), Topics.STATE.name());
        String policy =
            admin
                .describeConfigs(
                    List.of(
                        new org.apache.kafka.common.config.ConfigResource(
                            org.apache.kafka.common.config.ConfigResource.Type.TOPIC,
                            Topics.STATE.name())))
                .all()
                .get(10, TimeUnit.SECONDS)
                .values()
                .iterator()
                .next()
                .get("cleanup.policy")
                .value();
        assertThat(policy).isEqualTo("compact");
      }
      produce(kafka.bootstrapServers(), "twin-1", "first");
    }
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, port, controllerPort)) {
      produce(kafka.bootstrapServers(), "twin-1", "second");
      assertThat(readAll(kafka.bootstrapServers(), 2)).containsExactly("first", "second");
    }
  }

  private static void produce(String bootstrap, String key, String value) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(Topics.CHAT.name(), key, value)).get(30, TimeUnit.SECONDS);
    }
  }

  private static List<String> readAll(String bootstrap, int expected) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime());
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(Topics.CHAT.name()));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          assertThat(r.key().getBytes(StandardCharsets.UTF_8)).isNotEmpty();
          values.add(r.value());
        }
      }
    }
    return values;
  }
}
