package ai.digitaltwin.api.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.api.TestKafka;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rate into Kafka at the generator's default pace, on a real broker: a few events a minute, each in
 * its own transaction as the generator writes them, so the offsets count a commit marker per event.
 */
class RecentEventsTest {
  static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
  static final Duration WINDOW = Duration.ofMinutes(5);

  static Admin admin;
  static KafkaProducer<byte[], byte[]> producer;
  static RecentEvents recent;

  @BeforeAll
  static void start() {
    String bootstrap = TestKafka.bootstrap();
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    admin = Admin.create(props);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "rate-test-" + UUID.randomUUID());
    producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    producer.initTransactions();
    recent = new RecentEvents(bootstrap, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterAll
  static void stop() {
    recent.close();
    producer.close();
    admin.close();
  }

  @Test
  void countsTheWindowsCommittedEventsNotTheOffsetsOfTheirCommitMarkers() throws Exception {
    String topic = topic();
    send(topic, 0, NOW.minus(Duration.ofMinutes(10)), true); // before the window
    for (int m : new int[] {4, 4, 3, 2, 1}) {
      send(topic, m % 2, NOW.minus(Duration.ofMinutes(m)), true);
    }
    send(topic, 1, NOW.minus(Duration.ofMinutes(1)), false); // aborted: never an event

    // what a rate from offsets would count: each event, its marker, the aborted record and its marker
    Map<TopicPartition, Long> ends = ends(topic, 14);
    RecentEvents.Count count = recent.count(ends, WINDOW);
    assertThat(count.events()).isEqualTo(5);
    assertThat(count.perMinute()).isEqualTo(1.0);
    assertThat(count.span()).isEqualTo(WINDOW);
  }

  @Test
  void aTopicYoungerThanTheWindowIsMeasuredFromItsFirstEvent() throws Exception {
    String topic = topic();
    send(topic, 0, NOW.minusSeconds(60), true);
    send(topic, 1, NOW.minusSeconds(30), true);
    RecentEvents.Count count = recent.count(ends(topic, 4), WINDOW);
    assertThat(count.events()).isEqualTo(2);
    assertThat(count.span()).isEqualTo(Duration.ofSeconds(60));
    assertThat(count.perMinute()).isEqualTo(2.0);
  }

  @Test
  void aQuietWindowIsZeroNotMissing() throws Exception {
    String topic = topic();
    send(topic, 0, NOW.minus(Duration.ofMinutes(20)), true);
    RecentEvents.Count count = recent.count(ends(topic, 2), WINDOW);
    assertThat(count.events()).isZero();
    assertThat(count.perMinute()).isZero();
  }

  private static String topic() throws Exception {
    String name = "rate-" + UUID.randomUUID();
    admin.createTopics(List.of(new NewTopic(name, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
    return name;
  }

  private static void send(String topic, int partition, Instant at, boolean commit) throws Exception {
    producer.beginTransaction();
    producer.send(new ProducerRecord<>(topic, partition, at.toEpochMilli(), new byte[] {1}, new byte[] {2})).get();
    if (commit) {
      producer.commitTransaction();
    } else {
      producer.abortTransaction();
    }
  }

  /**
   * The partitions' last stable offsets once they add up to {@code total}: a commit marker is written
   * after the commit returns, so the last stable offset can lag it for a moment.
   */
  private static Map<TopicPartition, Long> ends(String topic, long total) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Map<TopicPartition, Long> ends = stableEnds(topic);
    while (ends.values().stream().mapToLong(Long::longValue).sum() != total) {
      assertThat(System.nanoTime()).as("last stable offsets adding up to " + total + ": " + ends).isLessThan(deadline);
      Thread.sleep(50);
      ends = stableEnds(topic);
    }
    return ends;
  }

  private static Map<TopicPartition, Long> stableEnds(String topic) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    latest.put(new TopicPartition(topic, 0), OffsetSpec.latest());
    latest.put(new TopicPartition(topic, 1), OffsetSpec.latest());
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS)
        .forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }
}
