package ai.digitaltwin.api.auth;

import ai.digitaltwin.schemas.AvroCodec;
import ai.digitaltwin.schemas.PoisonRecordException;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.schemas.UserEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the users topic from the beginning on one thread, forever. {@link #start} returns once every
 * partition has been read up to the end it had when the replay began.
 */
final class UserFollower implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UserFollower.class);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Consumer<UserEvent> sink;
  private final CountDownLatch replayed = new CountDownLatch(1);
  private final Thread thread;
  private volatile RuntimeException failure;
  private volatile boolean running = true;

  UserFollower(String bootstrap, Consumer<UserEvent> sink) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "query-api-users");
    this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.sink = sink;
    this.thread = new Thread(this::run, "users-follower");
    this.thread.setDaemon(true);
  }

  void start(Duration timeout) {
    thread.start();
    try {
      if (!replayed.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        close();
        throw new IllegalStateException(
            "could not replay users from topic " + Topics.USERS.name() + " within " + timeout.toSeconds()
                + " s: is Kafka reachable?");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while replaying users", e);
    }
    if (failure != null) {
      close();
      throw failure;
    }
  }

  private void run() {
    AvroCodec<UserEvent> codec = Topics.USERS.codec();
    try {
      List<TopicPartition> partitions = partitions();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (running) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value() == null) {
            continue;
          }
          try {
            sink.accept(codec.decode(record.value()));
          } catch (PoisonRecordException | IllegalArgumentException e) {
            LOG.warn("skipping unreadable user event at {}@{}: {}", record.partition(), record.offset(), e.toString());
          }
        }
        if (replayed.getCount() > 0 && caughtUp(end)) {
          replayed.countDown();
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      failure = e;
      LOG.error("users follower stopped: {}", e.toString());
      replayed.countDown();
    } finally {
      consumer.close();
    }
  }

  private List<TopicPartition> partitions() {
    List<PartitionInfo> infos = consumer.partitionsFor(Topics.USERS.name(), Duration.ofSeconds(30));
    if (infos == null || infos.isEmpty()) {
      throw new IllegalStateException(
          "Kafka topic " + Topics.USERS.name() + " does not exist; create the project's topics first");
    }
    return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
  }

  private boolean caughtUp(Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    running = false;
    try {
      consumer.wakeup();
    } catch (RuntimeException e) {
      // already closed by its thread
    }
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
