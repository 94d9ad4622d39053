package ai.digitaltwin.api.auth;

import ai.digitaltwin.api.kafka.Follower;
import ai.digitaltwin.schemas.AvroCodec;
import ai.digitaltwin.schemas.PoisonRecordException;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.schemas.UserEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the users topic from the beginning on one thread, forever. {@link #start} returns once every
 * partition has been read up to the end it had when the replay began.
 */
final class UserFollower implements AutoCloseable, Follower.Reader {
  private static final Logger LOG = LoggerFactory.getLogger(UserFollower.class);

  private final Follower follower;
  private final Consumer<UserEvent> sink;
  private final AvroCodec<UserEvent> codec = Topics.USERS.codec();
  private final CountDownLatch replayed = new CountDownLatch(1);
  private volatile RuntimeException failure;
  /** Set on the polling thread, read only there. */
  private KafkaConsumer<byte[], byte[]> consumer;
  private Map<TopicPartition, Long> end;

  UserFollower(String bootstrap, Consumer<UserEvent> sink) {
    this.follower = new Follower(bootstrap, "query-api-users", "users-follower", this);
    this.sink = sink;
  }

  void start(Duration timeout) {
    follower.start();
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

  @Override
  public void begin(KafkaConsumer<byte[], byte[]> consumer) {
    this.consumer = consumer;
    List<TopicPartition> partitions = partitions();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    end = consumer.endOffsets(partitions);
  }

  @Override
  public void read(ConsumerRecords<byte[], byte[]> records) {
    for (ConsumerRecord<byte[], byte[]> record : records) {
      if (record.value() == null) {
        continue;
      }
      try {
        sink.accept(codec.decode(record.value()));
      } catch (PoisonRecordException | IllegalArgumentException e) {
        LOG.warn("skipping unreadable user event at {}@{}: {}", record.partition(), record.offset(), e.toString());
      }
    }
    if (replayed.getCount() > 0 && caughtUp()) {
      replayed.countDown();
    }
  }

  @Override
  public void failed(RuntimeException e) {
    failure = e;
    replayed.countDown();
  }

  private List<TopicPartition> partitions() {
    List<PartitionInfo> infos = consumer.partitionsFor(Topics.USERS.name(), Duration.ofSeconds(30));
    if (infos == null || infos.isEmpty()) {
      throw new IllegalStateException(
          "Kafka topic " + Topics.USERS.name() + " does not exist; create the project's topics first");
    }
    return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
  }

  private boolean caughtUp() {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    follower.close();
  }
}
