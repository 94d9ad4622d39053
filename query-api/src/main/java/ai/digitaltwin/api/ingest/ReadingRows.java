package ai.digitaltwin.api.ingest;

import ai.digitaltwin.api.error.ApiException;
import ai.digitaltwin.importer.Csv;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request bodies of {@code POST /twins/{id}/events} as rows of field → text: a JSON array of readings
 * (or {@code {"readings": [...]}}), or CSV with a header line. Values are checked by {@link ReadingCheck}.
 */
final class ReadingRows {
  static final int MAX_ROWS = 10_000;

  private ReadingRows() {}

  static List<Map<String, String>> fromJson(JsonNode body) {
    JsonNode array = body.isObject() && body.has("readings") ? body.get("readings") : body;
    if (!array.isArray()) {
      throw ApiException.badRequest("Body must be a JSON array of readings or {\"readings\": [...]}", "readings");
    }
    checkSize(array.size());
    List<Map<String, String>> rows = new ArrayList<>(array.size());
    for (JsonNode item : array) {
      Map<String, String> row = new LinkedHashMap<>();
      if (item.isObject()) {
        Iterator<Map.Entry<String, JsonNode>> fields = item.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          JsonNode v = field.getValue();
          row.put(field.getKey(), v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString());
        }
      } else {
        row.put("", item.toString());
      }
      rows.add(row);
    }
    return rows;
  }

  static List<Map<String, String>> fromCsv(String body) {
    String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n");
    int start = 0;
    while (start < lines.length && lines[start].isBlank()) {
      start++;
    }
    if (start == lines.length) {
      throw ApiException.badRequest("CSV body is empty; the first line must name the columns", null);
    }
    List<String> header = Csv.split(lines[start]);
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = start + 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      checkSize(rows.size() + 1);
      List<String> values = Csv.split(lines[i]);
      Map<String, String> row = new LinkedHashMap<>();
      if (values.size() != header.size()) {
        row.put("", "has " + values.size() + " fields, the header has " + header.size());
      } else {
        for (int c = 0; c < header.size(); c++) {
          String value = values.get(c).trim();
          row.put(header.get(c).trim(), value.isEmpty() ? null : value);
        }
      }
      rows.add(row);
    }
    return rows;
  }

  private static void checkSize(int rows) {
    if (rows > MAX_ROWS) {
      throw new ApiException(413, "payload_too_large", "At most " + MAX_ROWS + " readings per request", null);
    }
  }
}
