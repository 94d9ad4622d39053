package ai.digitaltwin.api.live;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/** An Avro record as a JSON-ready map: times as ISO-8601 text, nested records as maps. */
final class AvroMaps {
  private AvroMaps() {}

  static Map<String, Object> of(IndexedRecord record) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Schema.Field field : record.getSchema().getFields()) {
      out.put(field.name(), value(record.get(field.pos())));
    }
    return out;
  }

  private static Object value(Object value) {
    if (value instanceof IndexedRecord nested) {
      return of(nested);
    }
    if (value instanceof Instant instant) {
      return instant.toString();
    }
    if (value instanceof CharSequence text) {
      return text.toString();
    }
    if (value instanceof ByteBuffer) {
      return null;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(value(v)));
      return out;
    }
    return value;
  }
}
