package ai.digitaltwin.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Avro single-object encoding: every message starts with the 2-byte marker and the 8-byte fingerprint of
 * the schema it was written with, so readers can resolve older or newer writer schemas. Writer schemas
 * other than the current one are registered with {@link #addWriterSchema(Schema)}; the earlier versions of
 * the contract itself ({@code previous/<Type>.<n>.avsc} beside this class, n = 1, 2, ...) are registered
 * by every codec, so that messages kept in Kafka from before a schema change are still read.
 *
 * <p>Messages are decoded straight from their byte array: the header is checked here and the body read by
 * a buffered decoder over the array. Avro's own {@code BinaryMessageDecoder} reads through an
 * {@code InputStream} a byte at a time, every call a synchronized {@code ByteArrayInputStream.read}, and
 * was most of the decoding time of a health reading.
 *
 * <p>Messages are written by a {@link RecordWriter} planned once from the schema, not by Avro's
 * {@code SpecificDatumWriter}, which resolves every nullable field's union by searching its branches.
 *
 * <p>Encoders and decoders are thread-safe (per-thread buffers, the readers resolve per thread),
 * so one codec per type is shared.
 */
public final class AvroCodec<T extends SpecificRecordBase> {
  /** Length of the single-object header: the marker {@code C3 01}, then the writer schema's fingerprint. */
  public static final int HEADER_LENGTH = 10;
  private static final Map<Class<?>, AvroCodec<?>> CODECS = new ConcurrentHashMap<>();
  private static final ThreadLocal<BinaryDecoder> DECODERS = new ThreadLocal<>();
  private static final ThreadLocal<RecordWriter.Out> OUT = ThreadLocal.withInitial(RecordWriter.Out::new);
  private static final int MAX_KEPT_BUFFER = 64 * 1024;

  private final Class<T> type;
  private final Schema schema;
  private final SpecificData model;
  private final byte[] header;
  private final RecordWriter writer;
  /** A reader per writer schema, by the schema's fingerprint: each resolves it to this codec's schema. */
  private final Map<Long, DatumReader<T>> readers = new ConcurrentHashMap<>();

  private AvroCodec(Class<T> type) {
    this.type = type;
    this.schema = SpecificData.get().getSchema(type);
    // the generated class's own model carries its logical-type conversions; a bare SpecificData cannot
    // read an Instant inside a union (a nullable timestamp such as Anomaly.end_ts)
    this.model = SpecificData.getForClass(type);
    this.header = header(schema);
    this.writer = RecordWriter.of(schema);
    addWriterSchema(schema);
    for (int version = 1; ; version++) {
      Schema previous = previous(type, version);
      if (previous == null) {
        break;
      }
      addWriterSchema(previous);
    }
  }

  /** An earlier version of {@code type}'s schema, or null when there is none of that number. */
  static Schema previous(Class<?> type, int version) {
    String resource = "previous/" + type.getSimpleName() + "." + version + ".avsc";
    try (java.io.InputStream in = AvroCodec.class.getResourceAsStream(resource)) {
      return in == null ? null : new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
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

  /**
   * The {@value #HEADER_LENGTH} bytes every message written with {@code schema} starts with: the marker,
   * then the schema's 64-bit parsing fingerprint, little-endian.
   */
  public static byte[] header(Schema schema) {
    byte[] header = new byte[HEADER_LENGTH];
    header[0] = (byte) 0xC3;
    header[1] = (byte) 0x01;
    long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
    for (int i = 0; i < 8; i++) {
      header[2 + i] = (byte) (fingerprint >>> (8 * i));
    }
    return header;
  }

  /** The header of the messages this codec writes. */
  public byte[] header() {
    return header.clone();
  }

  /** Lets this codec read messages written with another (compatible) version of the schema. */
  @SuppressWarnings("unchecked")
  public void addWriterSchema(Schema writerSchema) {
    readers.put(SchemaNormalization.parsingFingerprint64(writerSchema),
        (DatumReader<T>) model.createDatumReader(writerSchema, schema));
  }

  /**
   * The record's single-object encoding.
   *
   * @throws IllegalArgumentException naming the field, when a value does not fit the schema
   */
  public byte[] encode(T record) {
    RecordWriter.Out out = OUT.get();
    out.reset();
    out.write(header);
    writer.write(record, out);
    byte[] bytes = Arrays.copyOf(out.buffer(), out.length());
    if (out.buffer().length > MAX_KEPT_BUFFER) {
      OUT.remove(); // a rare large record (a long chat message) does not pin its buffer to the thread
    }
    return bytes;
  }

  /**
   * Decodes one message.
   *
   * @throws PoisonRecordException with the reason, if the bytes are not a message of a known schema
   */
  public T decode(byte[] bytes) {
    if (bytes == null || bytes.length < HEADER_LENGTH || bytes[0] != (byte) 0xC3 || bytes[1] != 0x01) {
      throw new PoisonRecordException("not_single_object");
    }
    DatumReader<T> reader = readers.get(ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
    if (reader == null) {
      throw new PoisonRecordException("unknown_fingerprint");
    }
    try {
      BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH, DECODERS.get());
      DECODERS.set(decoder);
      return reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw new PoisonRecordException("undecodable", e);
    }
  }
}
