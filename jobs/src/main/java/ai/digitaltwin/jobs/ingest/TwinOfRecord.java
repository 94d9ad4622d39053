package ai.digitaltwin.jobs.ingest;

import ai.digitaltwin.schemas.AvroCodec;
import ai.digitaltwin.schemas.PoisonRecordException;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * The twin a raw record belongs to, so that records can be partitioned by twin before they are decoded:
 * the shuffle then moves the message's bytes instead of a decoded event Flink would encode again. Read
 * from the leading fields ({@link EventHeader}) when the record has the current schema, otherwise by a
 * full decode; a record that cannot be decoded goes to the empty key, where the decode step makes it a
 * dead letter. The same bytes always give the same key, and it is the {@code twin_id} the decode step
 * finds, so the decoded stream is still partitioned by {@link Consumed#twinId()}.
 */
public final class TwinOfRecord implements KeySelector<KafkaRecord, String> {
  private final Class<? extends SpecificRecordBase> type;
  private transient EventHeader header;
  private transient AvroCodec<? extends SpecificRecordBase> codec;
  private transient int twinField;

  public TwinOfRecord(Class<? extends SpecificRecordBase> type) {
    this.type = type;
  }

  @Override
  public String getKey(KafkaRecord record) {
    if (header == null) {
      codec = AvroCodec.of(type);
      header = EventHeader.of(codec.schema());
      twinField = codec.schema().getField("twin_id").pos();
    }
    String twin = header.twinId(record.value());
    if (twin != null) {
      return twin;
    }
    try {
      Object decoded = codec.decode(record.value()).get(twinField);
      return decoded == null ? "" : decoded.toString();
    } catch (PoisonRecordException e) {
      return "";
    }
  }
}
