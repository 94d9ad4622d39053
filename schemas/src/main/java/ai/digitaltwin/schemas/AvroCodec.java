package ai.digitaltwin.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Avro single-object encoding: every message starts with the 2-byte marker and the 8-byte fingerprint of
 * the schema it was written with, so readers can resolve older or newer writer schemas. Writer schemas
 * other than the current one are registered with {@link #addWriterSchema(Schema)}.
 *
 * <p>Encoders and decoders are thread-safe (Avro keeps per-thread buffers), so one codec per type is
 * shared.
 */
public final class AvroCodec<T extends SpecificRecordBase> {
  private static final Map<Class<?>, AvroCodec<?>> CODECS = new ConcurrentHashMap<>();

  private final Class<T> type;
  private final Schema schema;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  private AvroCodec(Class<T> type) {
    this.type = type;
    this.schema = SpecificData.get().getSchema(type);
    // the generated class's own model carries its logical-type conversions; a bare SpecificData cannot
    // write an Instant inside a union (a nullable timestamp such as Anomaly.end_ts)
    SpecificData model = SpecificData.getForClass(type);
    this.encoder = new BinaryMessageEncoder<>(model, schema);
    this.decoder = new BinaryMessageDecoder<>(model, schema);
  }

  @SuppressWarnings("unchecked")
  public static <T extends SpecificRecordBase> AvroCodec<T> of(Class<T> type) {
    return (AvroCodec<T>) CODECS.computeIfAbsent(type, t -> new AvroCodec<>(type));
  }

  public Class<T> type() {
    return type;
  }

  public Schema schema() {
    return schema;
  }

  /** Lets this codec read messages written with another (compatible) version of the schema. */
  public void addWriterSchema(Schema writerSchema) {
    decoder.addSchema(writerSchema);
  }

  public byte[] encode(T record) {
    try {
      ByteBuffer buffer = encoder.encode(record);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + type.getSimpleName(), e);
    }
  }

  /**
   * Decodes one message.
   *
   * @throws PoisonRecordException with the reason, if the bytes are not a message of a known schema
   */
  public T decode(byte[] bytes) {
    if (bytes == null || bytes.length < 10) {
      throw new PoisonRecordException("not_single_object");
    }
    try {
      return decoder.decode(bytes);
    } catch (MissingSchemaException e) {
      throw new PoisonRecordException("unknown_fingerprint", e);
    } catch (BadHeaderException e) {
      throw new PoisonRecordException("not_single_object", e);
    } catch (IOException | RuntimeException e) {
      throw new PoisonRecordException("undecodable", e);
    }
  }
}
