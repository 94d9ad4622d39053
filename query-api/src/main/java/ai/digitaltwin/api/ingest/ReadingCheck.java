package ai.digitaltwin.api.ingest;

import ai.digitaltwin.api.error.ApiException;
import ai.digitaltwin.api.http.Params;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.VitalFields;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One reading's fields checked against the plausible ranges its schema declares ({@link VitalFields}: a
 * value outside is a device or entry error, not a patient; the anomaly detectors see everything inside).
 * Throws a 400 naming the field; the caller turns it into a per-row rejection. A vital added to the
 * schema is taken by name here with no change.
 */
final class ReadingCheck {
  static final Set<String> OTHER = Set.of("event_id", "ts", "activity");
  static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  private static final Pattern ACTIVITY = Pattern.compile("[a-z_]{1,32}");

  private ReadingCheck() {}

  static HealthEvent event(String twinId, Map<String, String> row, String source, Instant latest) {
    if (row.containsKey("")) {
      throw ApiException.badRequest("Row " + row.get("") + "; each reading must be an object of fields", null);
    }
    for (String field : row.keySet()) {
      if (VitalFields.health(field) == null && !OTHER.contains(field)) {
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
    HealthEvent event = new HealthEvent();
    event.setEventId(eventId);
    event.setTwinId(twinId);
    event.setTs(at);
    event.setSteps(0);
    event.setActivity(activity);
    event.setSource(source);
    boolean measured = false;
    for (VitalFields.Vital vital : VitalFields.health().values()) {
      String raw = row.get(vital.name());
      if (raw == null) {
        continue;
      }
      if (vital.whole()) {
        event.put(vital.pos(), whole(vital, raw));
      } else {
        event.put(vital.pos(), number(vital, raw));
      }
      measured = true;
    }
    if (!measured) {
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

  private static double number(VitalFields.Vital vital, String raw) {
    double value;
    try {
      value = Double.parseDouble(raw);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(vital.name() + " must be a number, got '" + raw + "'", vital.name());
    }
    return inRange(vital, value, raw);
  }

  private static int whole(VitalFields.Vital vital, String raw) {
    int value;
    try {
      value = Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(vital.name() + " must be an integer, got '" + raw + "'", vital.name());
    }
    return (int) inRange(vital, value, raw);
  }

  private static double inRange(VitalFields.Vital vital, double value, String raw) {
    if (!vital.inRange(value)) {
      throw ApiException.badRequest(vital.name() + " must be in " + vital.range() + ", got " + raw, vital.name());
    }
    return value;
  }
}
