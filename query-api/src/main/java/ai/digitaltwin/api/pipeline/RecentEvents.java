package ai.digitaltwin.api.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How many events reached the input topics over the last {@code window}, counted record by record. The
 * offsets alone overstate it: every transaction of the generator also takes one offset in each partition
 * it wrote (its commit marker), which at the default pace of a few readings a minute is about as many
 * offsets as events. So the window's records are read ({@code read_committed}, which skips markers and
 * aborted records) from the offset of the window's start by record time; a partition holding more than
 * {@link #MAX_PER_PARTITION} offsets in the window is read from that far before its end and measured over
 * the time those records span. A window reaching back past the topics' first record is measured from
 * there, so a young stack is not divided by minutes it did not run.
 */
final class RecentEvents implements AutoCloseable {
  static final int MAX_PER_PARTITION = 20_000;
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

  /** {@code events} in the window, {@code perMinute} over the time measured ({@code span}). */
  record Count(long events, double perMinute, Duration span) {}

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Clock clock;

  RecentEvents(String bootstrap, Clock clock) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "query-api-pipeline-rate");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.clock = clock;
  }

  /** The events of the window ending now, in the partitions given with their ends (last stable offsets). */
  synchronized Count count(Map<TopicPartition, Long> ends, Duration window) {
    Instant now = clock.instant();
    long from = now.minus(window).toEpochMilli();
    List<TopicPartition> partitions = new ArrayList<>(ends.keySet());
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(tp -> query.put(tp, from));
    Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(query, READ_TIMEOUT);
    Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, READ_TIMEOUT);
    Map<TopicPartition, Long> seekTo = new HashMap<>();
    boolean young = true; // no partition holds a record older than the window
    for (TopicPartition tp : partitions) {
      long end = ends.get(tp);
      OffsetAndTimestamp start = starts.get(tp);
      long at = start == null ? end : start.offset();
      if (at > beginnings.getOrDefault(tp, 0L)) {
        young = false;
      }
      if (at < end) {
        seekTo.put(tp, Math.max(at, end - MAX_PER_PARTITION));
      }
    }
    Map<TopicPartition, Long> counts = new HashMap<>();
    Map<TopicPartition, Long> firsts = new HashMap<>();
    read(seekTo, ends, from, counts, firsts);
    long events = counts.values().stream().mapToLong(Long::longValue).sum();
    long earliest = firsts.values().stream().mapToLong(Long::longValue).min().orElse(from);
    long span = young ? Math.max(1000, now.toEpochMilli() - earliest) : window.toMillis();
    double perMinute = 0;
    for (var e : counts.entrySet()) {
      TopicPartition tp = e.getKey();
      boolean capped = seekTo.get(tp) > starts.get(tp).offset();
      long partSpan = capped ? Math.max(1000, now.toEpochMilli() - firsts.get(tp)) : span;
      perMinute += e.getValue() * 60_000.0 / partSpan;
    }
    return new Count(events, perMinute, Duration.ofMillis(span));
  }

  private void read(Map<TopicPartition, Long> seekTo, Map<TopicPartition, Long> ends, long from,
      Map<TopicPartition, Long> counts, Map<TopicPartition, Long> firsts) {
    if (seekTo.isEmpty()) {
      return;
    }
    consumer.assign(seekTo.keySet());
    seekTo.forEach(consumer::seek);
    List<TopicPartition> open = new ArrayList<>(seekTo.keySet());
    long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
    while (!open.isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Kafka did not deliver the last minutes' events within " + READ_TIMEOUT.toSeconds() + " s");
      }
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        if (r.offset() < ends.get(tp) && r.timestamp() >= from) {
          counts.merge(tp, 1L, Long::sum);
          firsts.merge(tp, r.timestamp(), Math::min);
        }
      }
      open.removeIf(tp -> consumer.position(tp) >= ends.get(tp));
    }
    consumer.assign(List.of());
  }

  @Override
  public void close() {
    consumer.close();
  }
}
