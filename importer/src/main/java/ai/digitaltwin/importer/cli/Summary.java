package ai.digitaltwin.importer.cli;

import ai.digitaltwin.importer.Skips;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last line an import prints: what landed ({@code records}, the readings the API accepted, and the
 * span {@code from}..{@code to} of their times), what was left out by reason, and the wall time.
 */
final class Summary {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Summary() {}

  static String json(String twinId, long records, Skips skips, Instant from, Instant to, Duration elapsed) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("twin_id", twinId);
    out.put("records", records);
    out.put("skipped", skips.asMap());
    out.put("from", from == null ? null : from.toString());
    out.put("to", to == null ? null : to.toString());
    out.put("seconds", Math.round(elapsed.toMillis() / 100.0) / 10.0);
    try {
      return JSON.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
