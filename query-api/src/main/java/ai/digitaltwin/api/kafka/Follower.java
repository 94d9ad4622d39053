package ai.digitaltwin.api.kafka;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer of raw records polled on its own daemon thread until closed: what the API's followers of
 * Kafka topics (the users follower, the live feed) share. {@code read_committed}, so nothing of an aborted
 * transaction is read, and no offsets are committed: each follower positions the consumer itself, before
 * {@link #start} or in {@link Reader#begin}.
 */
public final class Follower implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Follower.class);

  /** What one follower does with the consumer, on the polling thread. */
  public interface Reader {
    /** Once, before the first poll; an error here stops the follower like one in {@link #read}. */
    default void begin(KafkaConsumer<byte[], byte[]> consumer) {}

    /** The records of one poll (none when nothing came within half a second). */
    void read(ConsumerRecords<byte[], byte[]> records);

    /** The follower stopped on this error, already logged; the consumer is closed next. */
    default void failed(RuntimeException e) {}
  }

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Thread thread;
  private volatile boolean running = true;

  public Follower(String bootstrap, String clientId, String threadName, Reader reader) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(() -> run(reader), threadName);
    this.thread.setDaemon(true);
  }

  /** The consumer, to position on the caller's thread before {@link #start}; the polling thread's after. */
  public KafkaConsumer<byte[], byte[]> consumer() {
    return consumer;
  }

  public void start() {
    thread.start();
  }

  private void run(Reader reader) {
    try {
      reader.begin(consumer);
      while (running) {
        reader.read(consumer.poll(Duration.ofMillis(500)));
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("{} stopped: {}", thread.getName(), e.toString());
      reader.failed(e);
    } finally {
      consumer.close();
    }
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
