package ai.digitaltwin.jobs.sink;

import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.schemas.Topic;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The hot path: current state and anomalies to Kafka for the API's live view. At-least-once on purpose:
 * an exactly-once (transactional) sink would make records visible to {@code read_committed} readers
 * only at each checkpoint, seconds late; a duplicate on a compacted, keyed topic is harmless, while the
 * Iceberg tables stay the exactly-once history.
 */
public final class HotPath {
  private HotPath() {}

  public static <T extends SpecificRecordBase> void sink(
      DataStream<T> stream, Topic<T> topic, JobConfig config) {
    KafkaSink<T> sink =
        KafkaSink.<T>builder()
            .setBootstrapServers(config.kafkaBootstrapServers())
            .setRecordSerializer(new AvroRecordSerializer<>(topic.name(), topic.type()))
            .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
            .setProperty("linger.ms", "5")
            .setProperty("compression.type", "lz4")
            .build();
    stream.sinkTo(sink).name("kafka " + topic.name()).uid("kafka-sink-" + topic.name());
  }
}
