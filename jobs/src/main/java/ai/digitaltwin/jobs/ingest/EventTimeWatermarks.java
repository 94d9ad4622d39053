package ai.digitaltwin.jobs.ingest;

import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.schemas.AvroCodec;
import ai.digitaltwin.schemas.PoisonRecordException;
import ai.digitaltwin.schemas.Topic;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event-time watermarks of one input topic, assigned in the source so that Flink tracks them per
 * Kafka partition and passes on the minimum. Assigned after the source instead, one generator would
 * see all partitions of a subtask, and the partition read fastest (hours of event time ahead in a
 * backfill) would make every record of the others late.
 *
 * <p>The event time is the {@code ts} of the event inside the record. A record of the current schema has
 * it read from its leading fields ({@link EventHeader}) without a decode; any other is decoded whole,
 * which keeps poison records out of the source: one that cannot be decoded gets no event time and moves
 * no watermark.
 */
public final class EventTimeWatermarks {
  private EventTimeWatermarks() {}

  /** Bounded out-of-orderness and idleness from {@code config}, timestamps from the events of {@code topic}. */
  public static WatermarkStrategy<KafkaRecord> of(Topic<?> topic, JobConfig config) {
    return WatermarkStrategy.<KafkaRecord>forBoundedOutOfOrderness(config.maxOutOfOrderness())
        .withTimestampAssigner(new EventTime(topic.type()))
        .withIdleness(config.sourceIdleness());
  }

  private static final class EventTime implements SerializableTimestampAssigner<KafkaRecord> {
    private final Class<? extends SpecificRecordBase> type;
    private transient AvroCodec<? extends SpecificRecordBase> codec;
    private transient EventHeader header;
    private transient int tsField;

    EventTime(Class<? extends SpecificRecordBase> type) {
      this.type = type;
    }

    @Override
    public long extractTimestamp(KafkaRecord record, long previous) {
      if (codec == null) {
        codec = AvroCodec.of(type);
        header = EventHeader.of(codec.schema());
        tsField = codec.schema().getField("ts").pos();
      }
      if (record.value() == null) {
        return Long.MIN_VALUE;
      }
      long ts = header.ts(record.value());
      if (ts != Long.MIN_VALUE) {
        return ts;
      }
      try {
        return codec.decode(record.value()).get(tsField) instanceof Instant time ? time.toEpochMilli() : Long.MIN_VALUE;
      } catch (PoisonRecordException e) {
        return Long.MIN_VALUE; // a dead letter: the decode step reports it
      }
    }
  }
}
