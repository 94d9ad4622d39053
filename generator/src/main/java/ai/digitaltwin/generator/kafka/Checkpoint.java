package ai.digitaltwin.generator.kafka;

import ai.digitaltwin.schemas.GeneratorProgress;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * What a generator committed before: its last progress record and every registry change it applied, with
 * the tick each took effect at. Read with read_committed after the producer's {@code initTransactions()}
 * (which aborts a transaction a killed generator left open), so it is exactly what downstream sees.
 *
 * @param progress the latest progress, or null on a first start
 */
public record Checkpoint(GeneratorProgress progress, List<Applied> applied) {

  /** A registry change and the tick it took effect before. */
  public record Applied(long tick, TwinRegistryEvent event) {}

  public static String progressKey(String generatorId) {
    return generatorId + "/progress";
  }

  public static String appliedKey(String generatorId, String eventId) {
    return generatorId + "/applied/" + eventId;
  }

  /** The record saying that {@code event} took effect before {@code marker.tick}. */
  public static ProducerRecord<byte[], byte[]> appliedRecord(String generatorId, GeneratorProgress marker,
      TwinRegistryEvent event) {
    marker.setApplied(ByteBuffer.wrap(Topics.REGISTRY.codec().encode(event)));
    return record(appliedKey(generatorId, event.getEventId()), marker);
  }

  public static ProducerRecord<byte[], byte[]> progressRecord(String generatorId, GeneratorProgress progress) {
    return record(progressKey(generatorId), progress);
  }

  /** Checkpoint records all go to partition 0, so their order (the order changes were applied) is kept. */
  private static ProducerRecord<byte[], byte[]> record(String key, GeneratorProgress value) {
    return new ProducerRecord<>(Topics.GENERATOR_PROGRESS.name(), 0, key.getBytes(StandardCharsets.UTF_8),
        Topics.GENERATOR_PROGRESS.codec().encode(value));
  }

  public static Checkpoint read(String bootstrap, String generatorId, Duration timeout) {
    String progressKey = progressKey(generatorId);
    String appliedPrefix = generatorId + "/applied/";
    GeneratorProgress latest = null;
    List<Applied> applied = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.committedReader(bootstrap)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo p : consumer.partitionsFor(Topics.GENERATOR_PROGRESS.name(), timeout)) {
        partitions.add(new TopicPartition(p.topic(), p.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!reached(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read the generator checkpoint within " + timeout);
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          String key = new String(r.key(), StandardCharsets.UTF_8);
          if (r.value() == null) {
            continue;
          }
          if (key.equals(progressKey)) {
            latest = Topics.GENERATOR_PROGRESS.codec().decode(r.value());
          } else if (key.startsWith(appliedPrefix)) {
            GeneratorProgress marker = Topics.GENERATOR_PROGRESS.codec().decode(r.value());
            ByteBuffer bytes = marker.getApplied();
            byte[] event = new byte[bytes.remaining()];
            bytes.get(event);
            applied.add(new Applied(marker.getTick(), Topics.REGISTRY.codec().decode(event)));
          }
        }
      }
    }
    return new Checkpoint(latest, applied);
  }

  private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }
}
