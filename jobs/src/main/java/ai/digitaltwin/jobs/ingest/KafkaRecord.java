package ai.digitaltwin.jobs.ingest;

/**
 * One record as read from Kafka, not yet decoded: decoding happens in the job so that a poison record
 * becomes a dead letter instead of failing the source.
 *
 * @param timestamp the Kafka record timestamp (milliseconds), used only for dead letters
 */
public record KafkaRecord(String topic, int partition, long offset, long timestamp, byte[] value) {
  public static KafkaRecord of(String topic, int partition, long offset, long timestamp, byte[] value) {
    return new KafkaRecord(topic, partition, offset, timestamp, value);
  }
}
