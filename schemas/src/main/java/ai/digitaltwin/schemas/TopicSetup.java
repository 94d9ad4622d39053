package ai.digitaltwin.schemas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the project's topics ({@link Topics}) on any cluster, embedded or real, with each one's cleanup
 * policy and retention; needs {@code kafka-clients}, an optional dependency of this module.
 */
public final class TopicSetup {
  private TopicSetup() {}

  public static void ensure(Admin admin, int partitions, short replication) {
    try {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (Topic<?> topic : Topics.ALL) {
        if (!existing.contains(topic.name())) {
          missing.add(newTopic(topic, partitions, replication));
        }
      }
      if (missing.isEmpty()) {
        return;
      }
      try {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create topics: " + e.getMessage(), e);
    }
  }

  static NewTopic newTopic(Topic<?> topic, int partitions, short replication) {
    Map<String, String> configs = new HashMap<>();
    if (topic.compacted()) {
      configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
      configs.put(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0");
    } else {
      // history lives in Iceberg; Kafka keeps a week for replays and late readers
      configs.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(7L * 24 * 3600 * 1000));
    }
    if (replication > 1) {
      configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
    }
    return new NewTopic(topic.name(), partitions, replication).configs(configs);
  }
}
