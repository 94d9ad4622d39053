package ai.digitaltwin.bench.stream;

import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.jobs.kafka.KafkaRecord;
import ai.digitaltwin.jobs.kafka.KafkaRecordDeserializer;
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
 * starts: the same records for both jobs, and a job that finishes, so its wall time is its cost.
 */
final class BoundedInputs {
  private BoundedInputs() {}

  static StreamInputs of(StreamExecutionEnvironment env, JobConfig config) {
    return new StreamInputs(stream(env, config, Topics.HEALTH), stream(env, config, Topics.BEHAVIOR),
        stream(env, config, Topics.REGISTRY), stream(env, config, Topics.CHAT), stream(env, config, Topics.GROUND_TRUTH));
  }

  static DataStream<KafkaRecord> stream(StreamExecutionEnvironment env, JobConfig config, Topic<?> topic) {
    KafkaSource<KafkaRecord> source = KafkaSource.<KafkaRecord>builder()
        .setBootstrapServers(config.kafkaBootstrapServers())
        .setTopics(topic.name())
        .setGroupId(config.groupId())
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setBounded(OffsetsInitializer.latest())
        .setDeserializer(new KafkaRecordDeserializer())
        .setProperty("isolation.level", "read_committed")
        .setProperty("client.id.prefix", config.groupId() + "-" + topic.name())
        .build();
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka " + topic.name()).uid("source-" + topic.name());
  }
}
