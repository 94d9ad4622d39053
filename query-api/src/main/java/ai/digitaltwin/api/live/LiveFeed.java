package ai.digitaltwin.api.live;

import ai.digitaltwin.api.kafka.Follower;
import ai.digitaltwin.schemas.Anomaly;
import ai.digitaltwin.schemas.PoisonRecordException;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.schemas.TwinState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hot path for server-sent events: one consumer per API (not one per client) reads the state,
 * anomaly and chat topics from their end, {@code read_committed} so nothing of an aborted Flink transaction is
 * shown, and hands each event to the subscribers of its twin. A slow subscriber is its own problem:
 * delivery is fire-and-forget on this thread, so subscribers must not block.
 */
public final class LiveFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

  /** Receives (event name, event) for one twin: {@code state}, {@code anomaly} or {@code chat}. */
  public interface Subscriber extends BiConsumer<String, Object> {}

  private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
  private final Follower follower;

  private LiveFeed(String bootstrap) {
    this.follower = new Follower(bootstrap, "query-api-live", "live-feed", records -> records.forEach(this::dispatch));
  }

  /**
   * Positions the consumer at the current end of the topics before returning, so an event produced
   * after this returns is delivered; topics that do not exist yet are skipped (no live view of them).
   */
  public static LiveFeed start(String bootstrap) {
    LiveFeed feed = new LiveFeed(bootstrap);
    KafkaConsumer<byte[], byte[]> consumer = feed.follower.consumer();
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(Topics.STATE.name(), Topics.ANOMALIES.name(), Topics.CHAT.name())) {
      var infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
      if (infos == null || infos.isEmpty()) {
        LOG.warn("topic {} does not exist: no live events from it", topic);
        continue;
      }
      infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolves the end now, not at the first poll
    feed.follower.start();
    return feed;
  }

  public Runnable subscribe(String twinId, Subscriber subscriber) {
    subscribers.computeIfAbsent(twinId, k -> new CopyOnWriteArraySet<>()).add(subscriber);
    return () -> {
      Set<Subscriber> set = subscribers.get(twinId);
      if (set != null) {
        set.remove(subscriber);
      }
    };
  }

  private void dispatch(ConsumerRecord<byte[], byte[]> record) {
    if (record.key() == null || record.value() == null) {
      return;
    }
    Set<Subscriber> set = subscribers.get(new String(record.key(), StandardCharsets.UTF_8));
    if (set == null || set.isEmpty()) {
      return;
    }
    Object event;
    String name;
    try {
      if (record.topic().equals(Topics.STATE.name())) {
        TwinState state = Topics.STATE.codec().decode(record.value());
        event = state;
        name = "state";
      } else if (record.topic().equals(Topics.CHAT.name())) {
        // every replica's messages, so a conversation shows on every open page of the twin
        event = Topics.CHAT.codec().decode(record.value());
        name = "chat";
      } else {
        Anomaly anomaly = Topics.ANOMALIES.codec().decode(record.value());
        event = anomaly;
        name = "anomaly";
      }
    } catch (PoisonRecordException e) {
      LOG.warn("skipping unreadable {} record: {}", record.topic(), e.reason());
      return;
    }
    for (Subscriber subscriber : set) {
      try {
        subscriber.accept(name, event);
      } catch (RuntimeException e) {
        LOG.debug("subscriber failed: {}", e.toString());
      }
    }
  }

  @Override
  public void close() {
    follower.close();
  }
}
