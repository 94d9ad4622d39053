package ai.digitaltwin.jobs.types;

import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Avro binary (no header: the schema is the class's own) behind a length prefix. Not thread-safe, as
 * Flink expects: {@link #duplicate()} gives each thread its own buffers.
 */
public final class AvroSerializer<T extends SpecificRecordBase> extends TypeSerializer<T> {
  private final Class<T> type;
  private transient Schema schema;
  private transient SpecificData model;
  private transient SpecificDatumWriter<T> writer;
  private transient SpecificDatumReader<T> reader;
  private transient ByteArrayOut buffer;
  private transient BinaryEncoder encoder;
  private transient BinaryDecoder decoder;

  public AvroSerializer(Class<T> type) {
    this.type = type;
  }

  Class<T> type() {
    return type;
  }

  private void init() {
    if (writer == null) {
      model = SpecificData.getForClass(type);
      schema = model.getSchema(type);
      writer = new SpecificDatumWriter<>(schema, model);
      reader = new SpecificDatumReader<>(schema, schema, model);
      buffer = new ByteArrayOut();
    }
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<T> duplicate() {
    return new AvroSerializer<>(type);
  }

  @Override
  public T createInstance() {
    init();
    return type.cast(model.newRecord(null, schema));
  }

  @Override
  public T copy(T from) {
    init();
    return from == null ? null : model.deepCopy(schema, from);
  }

  @Override
  public T copy(T from, T reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(T record, DataOutputView target) throws IOException {
    init();
    buffer.reset();
    encoder = EncoderFactory.get().directBinaryEncoder(buffer, encoder);
    writer.write(record, encoder);
    encoder.flush();
    target.writeInt(buffer.size());
    target.write(buffer.bytes(), 0, buffer.size());
  }

  @Override
  public T deserialize(DataInputView source) throws IOException {
    return deserialize(null, source);
  }

  @Override
  public T deserialize(T reuse, DataInputView source) throws IOException {
    init();
    byte[] bytes = new byte[source.readInt()];
    source.readFully(bytes);
    decoder = DecoderFactory.get().binaryDecoder(bytes, decoder);
    return reader.read(reuse, decoder);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    int length = source.readInt();
    target.writeInt(length);
    target.write(source, length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AvroSerializer<?> other && other.type.equals(type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new AvroSerializerSnapshot<>(type);
  }

  /** A growable byte buffer whose array can be read without copying. */
  private static final class ByteArrayOut extends java.io.ByteArrayOutputStream {
    byte[] bytes() {
      return buf;
    }
  }
}
