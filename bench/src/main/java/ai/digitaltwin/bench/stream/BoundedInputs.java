package ai.digitaltwin.bench.stream;

import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.jobs.ingest.EventTimeWatermarks;
import ai.digitaltwin.jobs.ingest.KafkaInputs;
import ai.digitaltwin.jobs.ingest.KafkaRecord;
import ai.digitaltwin.jobs.stream.StreamInputs;
import ai.digitaltwin.schemas.Topic;
import ai.digitaltwin.schemas.Topics;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job's Kafka inputs, read from the earliest committed record to the end as it is when the job
 * starts: the same records for both jobs, and a job that finishes, so its wall time is its cost. The full
 * job's inputs carry the job's own event-time watermarks ({@link EventTimeWatermarks}), assigned in the
 * source as in production; the pass-through's carry none, since nothing in it uses event time.
 */
final class BoundedInputs {
  private BoundedInputs() {}

  static StreamInputs of(StreamExecutionEnvironment env, JobConfig config) {
    return new StreamInputs(timed(env, config, Topics.HEALTH), timed(env, config, Topics.BEHAVIOR),
        timed(env, config, Topics.REGISTRY), timed(env, config, Topics.CHAT), timed(env, config, Topics.GROUND_TRUTH));
  }

  /** One topic's records for the pass-through: no event time. */
  static DataStream<KafkaRecord> stream(StreamExecutionEnvironment env, JobConfig config, Topic<?> topic) {
    return env.fromSource(source(config, topic), WatermarkStrategy.noWatermarks(), "kafka " + topic.name())
        .uid("source-" + topic.name());
  }

  private static DataStream<KafkaRecord> timed(StreamExecutionEnvironment env, JobConfig config, Topic<?> topic) {
    return env.fromSource(source(config, topic), EventTimeWatermarks.of(topic, config), "kafka " + topic.name())
        .uid("source-" + topic.name());
  }

  private static KafkaSource<KafkaRecord> source(JobConfig config, Topic<?> topic) {
    return KafkaSource.<KafkaRecord>builder()
        .setBootstrapServers(config.kafkaBootstrapServers())
        .setTopics(topic.name())
        .setGroupId(config.groupId())
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setBounded(OffsetsInitializer.latest())
        .setDeserializer(KafkaInputs.deserializer())
        .setProperty("isolation.level", "read_committed")
        .setProperty("client.id.prefix", config.groupId() + "-" + topic.name())
        .build();
  }
}
