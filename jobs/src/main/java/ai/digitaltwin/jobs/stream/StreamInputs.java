package ai.digitaltwin.jobs.stream;

import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.jobs.ingest.KafkaInputs;
import ai.digitaltwin.jobs.ingest.KafkaRecord;
import ai.digitaltwin.schemas.Topics;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The raw records the stream job reads, one stream per input topic: Kafka in production, any source in
 * tests. Each stream carries event-time timestamps and watermarks ({@link
 * ai.digitaltwin.jobs.ingest.EventTimeWatermarks}).
 */
public record StreamInputs(
    DataStream<KafkaRecord> health,
    DataStream<KafkaRecord> behavior,
    DataStream<KafkaRecord> registry,
    DataStream<KafkaRecord> chat,
    DataStream<KafkaRecord> groundTruth) {

  public static StreamInputs fromKafka(StreamExecutionEnvironment env, JobConfig config) {
    return new StreamInputs(
        KafkaInputs.stream(env, config, Topics.HEALTH),
        KafkaInputs.stream(env, config, Topics.BEHAVIOR),
        KafkaInputs.stream(env, config, Topics.REGISTRY),
        KafkaInputs.stream(env, config, Topics.CHAT),
        KafkaInputs.stream(env, config, Topics.GROUND_TRUTH));
  }
}
