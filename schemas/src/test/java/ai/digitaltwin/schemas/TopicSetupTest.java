package ai.digitaltwin.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicSetupTest {
  @Test
  void aReplicatedTopicNeedsTwoInSyncReplicas() {
    NewTopic health = TopicSetup.newTopic(Topics.HEALTH, 4, (short) 3);

    assertThat(health.numPartitions()).isEqualTo(4);
    assertThat(health.replicationFactor()).isEqualTo((short) 3);
    assertThat(health.configs())
        .containsEntry("min.insync.replicas", "2")
        .containsEntry("retention.ms", String.valueOf(7L * 24 * 3600 * 1000));
  }

  @Test
  void compactedTopicsStayCompactedAndASingleReplicaNeedsNoQuorum() {
    NewTopic state = TopicSetup.newTopic(Topics.STATE, 2, (short) 1);

    assertThat(state.configs())
        .containsEntry("cleanup.policy", "compact")
        .doesNotContainKey("min.insync.replicas");
  }
}
