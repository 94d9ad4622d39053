package ai.digitaltwin.api.ingest;

import ai.digitaltwin.api.error.ApiException;
import ai.digitaltwin.api.http.Params;
import ai.digitaltwin.schemas.HealthEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One reading's fields checked against plausible physiological ranges (a value outside is a device or
 * entry error, not a patient: the anomaly detectors see everything inside). Throws a 400 naming the
 * field; the caller turns it into a per-row rejection.
 */
final class ReadingCheck {
  record Range(double min, double max) {}

  static final Map<String, Range> VITALS =
      Map.of(
          "heart_rate", new Range(20, 250),
          "systolic_bp", new Range(50, 260),
          "diastolic_bp", new Range(20, 180),
          "spo2", new Range(50, 100),
          "body_temp_c", new Range(30, 45),
          "resp_rate", new Range(3, 70),
          "hrv_ms", new Range(1, 500),
          "stress", new Range(0, 1),
          "energy", new Range(0, 1));

  static final Set<String> OTHER = Set.of("event_id", "ts", "steps", "activity");
  static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  private static final Pattern ACTIVITY = Pattern.compile("[a-z_]{1,32}");

  private ReadingCheck() {}

  static HealthEvent event(String twinId, Map<String, String> row, String source, Instant latest) {
    if (row.containsKey("")) {
      throw ApiException.badRequest("Row " + row.get("") + "; each reading must be an object of fields", null);
    }
    for (String field : row.keySet()) {
      if (!VITALS.containsKey(field) && !OTHER.contains(field)) {
        throw ApiException.badRequest("Unknown field: " + field, field);
      }
    }
    String ts = row.get("ts");
    if (ts == null) {
      throw ApiException.badRequest("ts is required", "ts");
    }
    Instant at = epochMillis(ts) ? Instant.ofEpochMilli(Long.parseLong(ts)) : Params.parseInstant(ts, "ts");
    if (at.isBefore(EARLIEST) || at.isAfter(latest)) {
      throw ApiException.badRequest("ts must be between 2000-01-01 and five minutes from now, got " + at, "ts");
    }
    String eventId = row.get("event_id") == null ? UUID.randomUUID().toString() : row.get("event_id");
    if (!isId(eventId)) {
      throw ApiException.badRequest("event_id must be 1-64 letters, digits, '-' or '_'", "event_id");
    }
    String activity = row.get("activity");
    if (activity != null && !ACTIVITY.matcher(activity).matches()) {
      throw ApiException.badRequest("activity must be 1-32 lowercase letters or '_'", "activity");
    }
    HealthEvent event =
        new HealthEvent(eventId, twinId, at, vital(row, "heart_rate"), vital(row, "systolic_bp"),
            vital(row, "diastolic_bp"), vital(row, "spo2"), vital(row, "body_temp_c"), vital(row, "resp_rate"),
            vital(row, "hrv_ms"), steps(row.get("steps")), vital(row, "stress"), vital(row, "energy"), activity,
            source);
    if (row.get("steps") == null && VITALS.keySet().stream().allMatch(k -> row.get(k) == null)) {
      throw ApiException.badRequest("A reading needs at least one vital or steps", null);
    }
    return event;
  }

  /** 10 to 13 digits: epoch milliseconds (September 2001 to the year 2286). Checked by hand: a hot path. */
  static boolean epochMillis(String ts) {
    if (ts.length() < 10 || ts.length() > 13) {
      return false;
    }
    for (int i = 0; i < ts.length(); i++) {
      if (ts.charAt(i) < '0' || ts.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** 1 to 64 letters, digits, '-' or '_'. Checked by hand: a hot path. */
  static boolean isId(String id) {
    if (id.isEmpty() || id.length() > 64) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  private static Double vital(Map<String, String> row, String field) {
    String raw = row.get(field);
    if (raw == null) {
      return null;
    }
    double value;
    try {
      value = Double.parseDouble(raw);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(field + " must be a number, got '" + raw + "'", field);
    }
    Range range = VITALS.get(field);
    if (!Double.isFinite(value) || value < range.min() || value > range.max()) {
      throw ApiException.badRequest(
          field + " must be in " + fmt(range.min()) + ".." + fmt(range.max()) + ", got " + raw, field);
    }
    return value;
  }

  private static int steps(String raw) {
    if (raw == null) {
      return 0;
    }
    try {
      int steps = Integer.parseInt(raw);
      if (steps < 0 || steps > 100_000) {
        throw ApiException.badRequest("steps must be in 0..100000, got " + raw, "steps");
      }
      return steps;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("steps must be an integer, got '" + raw + "'", "steps");
    }
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
