package ai.digitaltwin.generator.kafka;

import ai.digitaltwin.schemas.Topic;
import ai.digitaltwin.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics the generator writes if they are missing (with the broker's default partitions), so
 * the generator also runs against a cluster where nobody set them up. Compacted topics stay compacted.
 */
public final class TopicCheck {
  private static final Logger LOG = LoggerFactory.getLogger(TopicCheck.class);

  private TopicCheck() {}

  private static void rollCheckpointSegments(Admin admin) throws InterruptedException {
    ConfigResource progress = new ConfigResource(ConfigResource.Type.TOPIC, Topics.GENERATOR_PROGRESS.name());
    try {
      admin.incrementalAlterConfigs(Map.of(progress, List.of(new AlterConfigOp(
          new ConfigEntry(TopicConfig.SEGMENT_MS_CONFIG, "600000"), AlterConfigOp.OpType.SET))))
          .all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("cannot set segment.ms on {} (restarts read more history): {}", progress.name(), e.getMessage());
    }
  }

  public static void ensure(String bootstrap, List<Topic<?>> topics) {
    try (Admin admin = KafkaClients.admin(bootstrap)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (Topic<?> topic : topics) {
        if (!existing.contains(topic.name())) {
          NewTopic t = new NewTopic(topic.name(), Optional.empty(), Optional.empty());
          if (topic.compacted()) {
            t.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
          }
          missing.add(t);
        }
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      }
      // the checkpoint key is rewritten every transaction; only closed segments are compacted, so roll
      // them often or a restart would read a day of superseded checkpoints
      rollCheckpointSegments(admin);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topics on " + bootstrap + ": " + e.getCause().getMessage(), e);
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka at " + bootstrap + " did not answer within 30 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking topics", e);
    }
  }
}
