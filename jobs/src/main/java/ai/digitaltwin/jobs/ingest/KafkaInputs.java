package ai.digitaltwin.jobs.ingest;

import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.schemas.Topic;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Kafka sources of the stream job, one per input topic. Offsets: those in the checkpoint when restoring;
 * otherwise the group's committed offsets, or the earliest for a new group. Only committed transactions
 * are read ({@code read_committed}), so a producer's aborted batch never becomes history.
 */
public final class KafkaInputs {
  private KafkaInputs() {}

  public static KafkaSource<KafkaRecord> source(JobConfig config, Topic<?> topic) {
    return KafkaSource.<KafkaRecord>builder()
        .setBootstrapServers(config.kafkaBootstrapServers())
        .setTopics(topic.name())
        .setGroupId(config.groupId())
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
        .setDeserializer(new KafkaRecordDeserializer())
        .setProperty("isolation.level", "read_committed")
        .setProperty("commit.offsets.on.checkpoint", "true")
        .setProperty("partition.discovery.interval.ms", "60000")
        .setProperty("client.id.prefix", config.groupId() + "-" + topic.name())
        .build();
  }

  /** Raw records with their coordinates, never throwing: for a source built elsewhere (the bench's bounded one). */
  public static KafkaRecordDeserializationSchema<KafkaRecord> deserializer() {
    return new KafkaRecordDeserializer();
  }

  /** Raw records of one topic, with event-time timestamps and per-partition watermarks. */
  public static DataStream<KafkaRecord> stream(
      StreamExecutionEnvironment env, JobConfig config, Topic<?> topic) {
    return env.fromSource(source(config, topic), EventTimeWatermarks.of(topic, config), "kafka " + topic.name())
        .uid("source-" + topic.name());
  }
}
