package ai.digitaltwin.generator.kafka;

import ai.digitaltwin.schemas.PoisonRecordException;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twins created, edited and deleted elsewhere (the API), read from the registry topic. Offsets are kept
 * in the generator's own checkpoint, in the same transaction as the events the changes led to, so after
 * a crash each change is applied exactly once.
 */
public final class RegistryFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryFeed.class);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final List<TopicPartition> partitions = new ArrayList<>();

  /** @param offsets next offset to read by partition; partitions not in it are read from the beginning */
  public RegistryFeed(String bootstrap, Map<String, Long> offsets) {
    this.consumer = KafkaClients.committedReader(bootstrap);
    for (PartitionInfo p : consumer.partitionsFor(Topics.REGISTRY.name(), Duration.ofSeconds(30))) {
      partitions.add(new TopicPartition(p.topic(), p.partition()));
    }
    consumer.assign(partitions);
    for (TopicPartition tp : partitions) {
      Long next = offsets.get(String.valueOf(tp.partition()));
      if (next == null) {
        consumer.seekToBeginning(List.of(tp));
      } else {
        consumer.seek(tp, next);
      }
    }
  }

  /**
   * Every change committed up to now, waiting until they are all read: twins that exist when the
   * generator starts are simulated from its first tick, whatever the fetch timing.
   */
  public List<TwinRegistryEvent> pollToEnd(Duration timeout) {
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
    long deadline = System.nanoTime() + timeout.toNanos();
    List<TwinRegistryEvent> events = new ArrayList<>();
    while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("could not read the registry to its end within " + timeout);
      }
      events.addAll(decode(consumer.poll(Duration.ofMillis(100))));
    }
    return events;
  }

  /** Whatever changes arrived, without waiting. Undecodable records are skipped (and logged). */
  public List<TwinRegistryEvent> poll() {
    return decode(consumer.poll(Duration.ZERO));
  }

  private static List<TwinRegistryEvent> decode(Iterable<ConsumerRecord<byte[], byte[]>> records) {
    List<TwinRegistryEvent> events = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      try {
        events.add(Topics.REGISTRY.codec().decode(r.value()));
      } catch (PoisonRecordException e) {
        LOG.warn("skipping registry record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.reason());
      }
    }
    return events;
  }

  /** Next offset to read by partition number: what the checkpoint stores. */
  public Map<String, Long> offsets() {
    Map<String, Long> offsets = new HashMap<>();
    for (TopicPartition tp : partitions) {
      offsets.put(String.valueOf(tp.partition()), consumer.position(tp));
    }
    return offsets;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
