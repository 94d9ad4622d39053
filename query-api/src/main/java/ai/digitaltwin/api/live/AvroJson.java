package ai.digitaltwin.api.live;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * An Avro record as JSON text, written field by field in schema order: times as ISO-8601 text, nested
 * records as objects, bytes as null, anything else as {@code mapper} writes it. Written straight to
 * the generator: the live feed sends every state and anomaly, and needs no copy of them.
 */
final class AvroJson {
  private AvroJson() {}

  static String of(IndexedRecord record, ObjectMapper mapper) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = mapper.createGenerator(out)) {
      record(record, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void record(IndexedRecord record, JsonGenerator json) throws IOException {
    json.writeStartObject();
    for (Schema.Field field : record.getSchema().getFields()) {
      json.writeFieldName(field.name());
      value(record.get(field.pos()), json);
    }
    json.writeEndObject();
  }

  private static void value(Object value, JsonGenerator json) throws IOException {
    if (value instanceof IndexedRecord nested) {
      record(nested, json);
    } else if (value instanceof Instant instant) {
      json.writeString(instant.toString());
    } else if (value instanceof CharSequence text) {
      json.writeString(text.toString());
    } else if (value instanceof ByteBuffer) {
      json.writeNull();
    } else if (value instanceof List<?> list) {
      json.writeStartArray();
      for (Object item : list) {
        value(item, json);
      }
      json.writeEndArray();
    } else {
      json.writeObject(value);
    }
  }
}
