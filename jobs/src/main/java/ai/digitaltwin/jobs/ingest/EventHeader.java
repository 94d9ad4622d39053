package ai.digitaltwin.jobs.ingest;

import ai.digitaltwin.schemas.AvroCodec;
import java.io.IOException;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * The fields every input event starts with ({@code event_id}, {@code twin_id}, {@code ts}), read from
 * an Avro single-object message without decoding the rest: what the source needs for event time and
 * what the shuffle needs for the twin, at a fraction of a full decode.
 *
 * <p>Only messages written with the current schema (its fingerprint in the header) are read here; for
 * any other the methods return {@code null} or {@link Long#MIN_VALUE} and the caller decodes the whole
 * message (an older writer schema may order its fields differently). A message whose leading fields
 * cannot be read (a body cut short) gives the same answer, and the full decode makes it a dead letter.
 * The trade-off: a body corrupted after its first three fields is caught by the full decode only, after
 * its time has counted for the watermark.
 *
 * <p>Not thread-safe (it reuses one Avro decoder): one instance per function instance.
 */
final class EventHeader {
  private static final int HEADER_LENGTH = AvroCodec.HEADER_LENGTH;
  private static final List<String> LEADING = List.of("event_id", "twin_id", "ts");

  private final byte[] header;
  private BinaryDecoder decoder;

  private EventHeader(Schema schema) {
    this.header = AvroCodec.header(schema);
  }

  /**
   * The reader for messages of {@code schema}.
   *
   * @throws IllegalArgumentException if the schema does not start with string event_id, string twin_id
   *     and long ts
   */
  static EventHeader of(Schema schema) {
    List<Schema.Field> fields = schema.getFields();
    for (int i = 0; i < LEADING.size(); i++) {
      Schema.Type expected = i < 2 ? Schema.Type.STRING : Schema.Type.LONG;
      if (fields.size() <= i || !fields.get(i).name().equals(LEADING.get(i)) || fields.get(i).schema().getType() != expected) {
        throw new IllegalArgumentException(schema.getFullName() + " does not start with event_id, twin_id, ts");
      }
    }
    return new EventHeader(schema);
  }

  /** The event time in epoch milliseconds, or {@link Long#MIN_VALUE} if it cannot be read here. */
  long ts(byte[] message) {
    BinaryDecoder in = body(message);
    if (in == null) {
      return Long.MIN_VALUE;
    }
    try {
      in.skipString();
      in.skipString();
      return in.readLong();
    } catch (IOException | RuntimeException e) {
      return Long.MIN_VALUE;
    }
  }

  /** The twin id, or {@code null} if it cannot be read here. */
  String twinId(byte[] message) {
    BinaryDecoder in = body(message);
    if (in == null) {
      return null;
    }
    try {
      in.skipString();
      return in.readString();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private BinaryDecoder body(byte[] message) {
    if (message == null || message.length <= HEADER_LENGTH) {
      return null;
    }
    for (int i = 0; i < HEADER_LENGTH; i++) {
      if (message[i] != header[i]) {
        return null;
      }
    }
    decoder = DecoderFactory.get().binaryDecoder(message, HEADER_LENGTH, message.length - HEADER_LENGTH, decoder);
    return decoder;
  }
}
