package ai.digitaltwin.reliability.poison;

import ai.digitaltwin.schemas.Topic;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * A newer producer's schema: the current one plus an optional field ({@code device}, default null), the
 * kind of change a wearable integration would make. Messages carry this schema's fingerprint, so a reader
 * decodes them only once the schema is registered with it; Avro then resolves them to the current record.
 */
final class SchemaV2 {
  static final String FIELD = "device";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Schema schema;
  private final BinaryMessageEncoder<GenericRecord> encoder;

  private SchemaV2(Schema schema) {
    this.schema = schema;
    this.encoder = new BinaryMessageEncoder<>(GenericData.get(), schema);
  }

  static SchemaV2 of(Topic<?> topic) {
    try {
      ObjectNode doc = (ObjectNode) JSON.readTree(topic.codec().schema().toString());
      ObjectNode field = JSON.createObjectNode();
      field.put("name", FIELD);
      field.set("type", JSON.readTree("[\"null\", \"string\"]"));
      field.putNull("default");
      field.put("doc", "added in v2: the device that took the reading");
      ((ArrayNode) doc.get("fields")).add(field);
      return new SchemaV2(new Schema.Parser().parse(doc.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Schema schema() {
    return schema;
  }

  /** The event written with the v2 schema: same values, plus the new field. */
  byte[] encode(SpecificRecordBase event) {
    GenericRecord record = new GenericData.Record(schema);
    for (Schema.Field f : event.getSchema().getFields()) {
      Object value = event.get(f.pos());
      record.put(f.name(), value instanceof java.time.Instant i ? i.toEpochMilli() : value);
    }
    record.put(FIELD, "wristband-v2");
    try {
      ByteBuffer buffer = encoder.encode(record);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
