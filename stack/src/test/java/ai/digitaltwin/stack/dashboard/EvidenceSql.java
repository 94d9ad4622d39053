package ai.digitaltwin.stack.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A chat evidence query with its parameter values written in as literals, so that the SQL endpoint
 * (which takes no parameters) can run it again. Text that reads as an ISO-8601 instant is a
 * TIMESTAMPTZ, as the chat binds instants; other text is a string, numbers stay numbers.
 */
final class EvidenceSql {
  private EvidenceSql() {}

  static String inline(String sql, JsonNode params) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c != '?') {
        out.append(c);
        continue;
      }
      if (next >= params.size()) {
        throw new AssertionError("more placeholders than the " + params.size() + " parameters shown: " + sql);
      }
      out.append(literal(params.get(next++)));
    }
    if (next != params.size()) {
      throw new AssertionError(params.size() + " parameters shown for " + next + " placeholders: " + sql);
    }
    return out.toString();
  }

  static String literal(JsonNode value) {
    if (value.isNumber() || value.isBoolean()) {
      return value.asText();
    }
    if (value.isNull()) {
      return "NULL";
    }
    String text = value.asText();
    String quoted = "'" + text.replace("'", "''") + "'";
    try {
      Instant.parse(text);
      return "TIMESTAMPTZ " + quoted;
    } catch (DateTimeParseException notAnInstant) {
      return quoted;
    }
  }
}
