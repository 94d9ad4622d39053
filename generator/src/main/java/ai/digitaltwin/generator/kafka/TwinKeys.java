package ai.digitaltwin.generator.kafka;

import ai.digitaltwin.schemas.Topic;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;

/**
 * Record keys made once per twin instead of once per record: the twin id in UTF-8 (shared by all the
 * twin's records, which Kafka only reads) and its partition in each event topic, the one Kafka's default
 * partitioner picks for that key ({@code murmur2(key) mod partitions}). With the partition set on the
 * record, the sending thread no longer hashes keys. The partition counts are read when producing starts;
 * a topic given more partitions while the generator runs keeps the old mapping until the next start,
 * which keeps each twin on one partition meanwhile. Not thread-safe: one per simulating thread.
 */
final class TwinKeys {
  /** @param partitions by topic, in the order of the topics given; null where the count is unknown */
  record Key(byte[] utf8, Integer[] partitions) {}

  private final int[] partitionCounts;
  private final Map<String, Key> keys = new HashMap<>();

  /**
   * @param topics the event topics, in the order {@link Key#partitions()} follows
   * @param partitionCounts partitions by topic name; a topic missing from it is partitioned by the producer
   */
  TwinKeys(List<Topic<?>> topics, Map<String, Integer> partitionCounts) {
    this.partitionCounts = topics.stream().mapToInt(t -> partitionCounts.getOrDefault(t.name(), 0)).toArray();
  }

  Key of(String twinId) {
    Key key = keys.get(twinId);
    if (key == null) {
      byte[] utf8 = twinId.getBytes(StandardCharsets.UTF_8);
      Integer[] partitions = new Integer[partitionCounts.length];
      for (int i = 0; i < partitions.length; i++) {
        partitions[i] = partitionCounts[i] > 0 ? partition(utf8, partitionCounts[i]) : null;
      }
      key = new Key(utf8, partitions);
      keys.put(twinId, key);
    }
    return key;
  }

  /** The partition Kafka's default partitioner gives a keyed record (BuiltInPartitioner.partitionForKey). */
  static int partition(byte[] key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key)) % partitions;
  }
}
