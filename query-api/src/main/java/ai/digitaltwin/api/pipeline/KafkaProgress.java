package ai.digitaltwin.api.pipeline;

import ai.digitaltwin.schemas.Topic;
import ai.digitaltwin.schemas.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the input topics end and how far each consumer group has committed: the facts behind events/s
 * and consumer lag. Ends are read {@code read_committed} (the last stable offset), the position a
 * transactional reader such as the stream job can reach, so a finished job shows a lag of zero.
 */
public final class KafkaProgress implements AutoCloseable {
  /** One reading of the offsets. {@code committed} is by consumer group, input partitions only. */
  public record Offsets(
      Instant at, Map<TopicPartition, Long> ends, Map<String, Map<TopicPartition, Long>> committed) {
    public long totalEnd() {
      return total(ends);
    }
  }

  private static final long TIMEOUT_MS = 3000;

  private final Admin admin;
  private final Clock clock;
  private final List<String> topics;
  private final RecentEvents recent;

  public KafkaProgress(String bootstrap, Clock clock) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT_MS));
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT_MS));
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "query-api-pipeline");
    this.admin = Admin.create(props);
    this.clock = clock;
    this.topics = Topics.INPUTS.stream().map(Topic::name).toList();
    this.recent = new RecentEvents(bootstrap, clock);
  }

  /** The events that reached the input topics in the {@code window} before now; see {@link RecentEvents}. */
  public RecentEvents.Count recent(Offsets offsets, java.time.Duration window) {
    return recent.count(offsets.ends(), window);
  }

  /** The offsets of all the partitions given, summed: the events (and transaction markers) so far. */
  public static long total(Map<TopicPartition, Long> ends) {
    return ends.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Where each input partition ends now ({@code read_committed}), without the groups' offsets. */
  public Map<TopicPartition, Long> ends() {
    try {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).values()) {
        d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
      }
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin
          .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
          .all()
          .get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
          .forEach((tp, info) -> ends.put(tp, info.offset()));
      return ends;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not answer: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading Kafka offsets", e);
    }
  }

  public Offsets read() {
    Map<TopicPartition, Long> ends = ends();
    try {
      Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
      List<String> groups = new ArrayList<>();
      admin.listConsumerGroups().all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).forEach(g -> groups.add(g.groupId()));
      for (String group : groups) {
        Map<TopicPartition, OffsetAndMetadata> offsets =
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> inputs = new HashMap<>();
        offsets.forEach(
            (tp, om) -> {
              if (om != null && ends.containsKey(tp)) {
                inputs.put(tp, om.offset());
              }
            });
        if (!inputs.isEmpty()) {
          committed.put(group, inputs);
        }
      }
      return new Offsets(clock.instant(), ends, committed);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not answer: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading Kafka offsets", e);
    }
  }

  @Override
  public void close() {
    recent.close();
    admin.close();
  }
}
