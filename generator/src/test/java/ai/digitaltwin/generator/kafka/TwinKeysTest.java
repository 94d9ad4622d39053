package ai.digitaltwin.generator.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class TwinKeysTest {
  @Test
  void givesThePartitionKafkasDefaultPartitionerGivesTheKey() {
    for (int partitions = 1; partitions <= 12; partitions++) {
      for (int i = 0; i < 500; i++) {
        byte[] key = ("demo-" + i + (i % 7 == 0 ? "-ü" : "")).getBytes(StandardCharsets.UTF_8);
        assertThat(TwinKeys.partition(key, partitions)).isEqualTo(BuiltInPartitioner.partitionForKey(key, partitions));
      }
    }
  }

  @Test
  void makesEachTwinsKeyOnceWithAPartitionPerTopic() {
    TwinKeys keys = new TwinKeys(List.of(Topics.HEALTH, Topics.BEHAVIOR, Topics.GROUND_TRUTH),
        Map.of(Topics.HEALTH.name(), 4, Topics.BEHAVIOR.name(), 3));
    TwinKeys.Key key = keys.of("tw-ü");
    assertThat(keys.of(new String("tw-ü"))).isSameAs(key);
    assertThat(key.utf8()).isEqualTo("tw-ü".getBytes(StandardCharsets.UTF_8));
    assertThat(key.partitions()).containsExactly(BuiltInPartitioner.partitionForKey(key.utf8(), 4),
        BuiltInPartitioner.partitionForKey(key.utf8(), 3), null);
  }
}
