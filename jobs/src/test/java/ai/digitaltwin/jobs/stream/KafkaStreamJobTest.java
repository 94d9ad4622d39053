package ai.digitaltwin.jobs.stream;

import static ai.digitaltwin.jobs.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.config.Env;
import ai.digitaltwin.jobs.Events;
import ai.digitaltwin.jobs.IcebergRows;
import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.kafka.EmbeddedKafka;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.testkit.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.data.Record;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TwinStreamJob#define} as the embedded stack runs it: a real broker, a local MiniCluster with
 * retained checkpoints, stopped and resumed from its newest checkpoint without loss or duplicates.
 */
class KafkaStreamJobTest {
  static final Duration TIMEOUT = Duration.ofSeconds(90);

  @TempDir Path dir;

  @Test
  void resumesFromItsCheckpointWithoutLossOrDuplicates() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
      kafka.createTopics(2);
      CatalogConfig catalog = CatalogConfig.local(dir.resolve("warehouse"));
      JobConfig config =
          JobConfig.fromEnv(
              Env.of(Map.of(
                  "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                  "CHECKPOINT_INTERVAL_MS", "500",
                  "JOB_PARALLELISM", "2",
                  "SOURCE_IDLENESS_MS", "1000",
                  "ICEBERG_WAREHOUSE", catalog.warehouse())));
      Path checkpoints = dir.resolve("checkpoints");

      produce(kafka, 0, 40);
      JobClient first = start(config, checkpoints);
      Await.until("40 health rows", TIMEOUT, () -> rows(catalog) == 40);
      Await.until("a retained checkpoint", TIMEOUT, () -> Checkpoints.latest(checkpoints).isPresent());
      first.cancel().get();

      produce(kafka, 40, 70);
      assertThat(Checkpoints.latest(checkpoints)).isPresent();
      JobClient second = start(config, checkpoints);
      Await.until("70 health rows", TIMEOUT, () -> rows(catalog) == 70);
      Await.until("the dead letter", TIMEOUT, () -> IcebergRows.read(catalog, Tables.DEAD_LETTERS).size() == 1);
      Await.until("a state per twin", TIMEOUT, () -> IcebergRows.read(catalog, Tables.TWIN_STATE).stream().map(r -> r.getField("twin_id")).distinct().count() == 2);
      second.cancel().get();

      List<Record> health = IcebergRows.read(catalog, Tables.HEALTH_EVENTS);
      assertThat(health).hasSize(70);
      assertThat(health.stream().map(r -> r.getField("event_id")).distinct()).hasSize(70);
    }
  }

  private static JobClient start(JobConfig config, Path checkpoints) throws Exception {
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(Checkpoints.localConfiguration(checkpoints));
    TwinStreamJob.define(env, config);
    return env.executeAsync(TwinStreamJob.NAME);
  }

  private static int rows(CatalogConfig catalog) {
    return IcebergRows.read(catalog, Tables.HEALTH_EVENTS).size();
  }

  /** Readings {@code from} (inclusive) to {@code to} (exclusive) minutes after T0, alternating twins; a poison record first. */
  private static void produce(EmbeddedKafka kafka, int from, int to) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
      if (from == 0) {
        producer.send(new ProducerRecord<>(Topics.HEALTH.name(), key("twin-a"), "poison".getBytes(StandardCharsets.UTF_8)));
      }
      for (int i = from; i < to; i++) {
        String twin = i % 2 == 0 ? "twin-a" : "twin-b";
        HealthEvent event = Events.reading(twin, T0.plus(Duration.ofMinutes(i)), 60 + i % 7);
        producer.send(new ProducerRecord<>(Topics.HEALTH.name(), key(twin), Topics.HEALTH.codec().encode(event)));
      }
      producer.flush();
    }
  }

  private static byte[] key(String twin) {
    return twin.getBytes(StandardCharsets.UTF_8);
  }
}
