package ai.digitaltwin.api.kafka;

import ai.digitaltwin.api.metrics.ApiMetrics;
import ai.digitaltwin.schemas.AvroCodec;
import ai.digitaltwin.schemas.Topic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Everything the API writes goes through here: Avro single-object encoding, the key given by the
 * caller (a twin id, or a username for users), {@code acks=all} and idempotence, and the caller waits
 * for the acknowledgement, so a 2xx answer means the event is durable in Kafka.
 */
public final class EventProducer implements AutoCloseable {
  private static final long ACK_TIMEOUT_S = 20;

  private final KafkaProducer<byte[], byte[]> producer;
  private final ApiMetrics metrics;

  public EventProducer(String bootstrap, ApiMetrics metrics) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // a request must not hang on a dead cluster: fail within seconds and answer 503
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "query-api");
    this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    this.metrics = metrics;
  }

  /** Sends one event and waits for its acknowledgement. */
  public <T extends SpecificRecordBase> RecordMetadata send(Topic<T> topic, String key, T value) {
    return sendAll(topic, List.of(new Keyed<>(key, value))).get(0);
  }

  /** One keyed value. */
  public record Keyed<T>(String key, T value) {}

  /** Sends a batch, then waits for every acknowledgement; all or an exception. */
  public <T extends SpecificRecordBase> List<RecordMetadata> sendAll(Topic<T> topic, List<Keyed<T>> values) {
    AvroCodec<T> codec = topic.codec();
    List<Future<RecordMetadata>> futures = new ArrayList<>(values.size());
    try {
      for (Keyed<T> keyed : values) {
        futures.add(
            producer.send(
                new ProducerRecord<>(
                    topic.name(), keyed.key().getBytes(StandardCharsets.UTF_8), codec.encode(keyed.value()))));
      }
      List<RecordMetadata> acks = new ArrayList<>(futures.size());
      for (Future<RecordMetadata> future : futures) {
        acks.add(future.get(ACK_TIMEOUT_S, TimeUnit.SECONDS));
      }
      metrics.produced(topic.name(), true, values.size());
      return acks;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      metrics.produced(topic.name(), false, values.size());
      throw new KafkaUnavailableException(topic.name(), e);
    } catch (ExecutionException e) {
      metrics.produced(topic.name(), false, values.size());
      throw new KafkaUnavailableException(topic.name(), e.getCause());
    } catch (TimeoutException | org.apache.kafka.common.KafkaException e) {
      metrics.produced(topic.name(), false, values.size());
      throw new KafkaUnavailableException(topic.name(), e);
    }
  }

  @Override
  public void close() {
    producer.close(java.time.Duration.ofSeconds(5));
  }
}
