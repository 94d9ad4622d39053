package ai.digitaltwin.api;

import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.schemas.ChatMessage;
import ai.digitaltwin.schemas.Tables;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The chat tests' twins as Iceberg rows: a registry row with an owner and traits, readings and a state.
 * T0 is a Monday at 08:00 UTC; "yesterday" is Sunday 1 March 2026.
 */
final class ChatData {
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant YESTERDAY_10 = Instant.parse("2026-03-01T10:00:00Z");
  /** Heart rates of yesterday's readings, ten minutes apart: mean 73.3, min 60, max 90. */
  static final double[] YESTERDAY_BPM = {60, 64, 70, 75, 81, 90};

  private ChatData() {}

  static Map<String, Object> registry(String twin, String action, String owner, Instant at) {
    Map<String, Object> row = new HashMap<>();
    row.put("event_id", twin + "-" + action + "-" + at.toEpochMilli());
    row.put("twin_id", twin);
    row.put("ts", at);
    row.put("action", action);
    row.put("name", "Chloe");
    row.put("age", 38);
    row.put("occupation", "teacher");
    row.put("timezone", "UTC");
    row.put("openness", 0.5);
    row.put("conscientiousness", 0.5);
    row.put("extraversion", 0.5);
    row.put("agreeableness", 0.5);
    row.put("neuroticism", 0.5);
    row.put("owner", owner);
    return row;
  }

  /** A state in a low mood: the persona's mood must come from here. */
  static Map<String, Object> lowState(String twin, Instant at) {
    Map<String, Object> row = new HashMap<>();
    row.put("event_id", "s-" + twin + "-" + at.toEpochMilli());
    row.put("twin_id", twin);
    row.put("ts", at);
    row.put("readings", 7L);
    row.put("baseline_confidence", 0.5);
    row.put("mood", "low");
    row.put("mood_score", -0.6);
    row.put("stress", 0.5);
    row.put("energy", 0.4);
    row.put("openness", 0.5);
    row.put("conscientiousness", 0.5);
    row.put("extraversion", 0.5);
    row.put("agreeableness", 0.5);
    row.put("neuroticism", 0.5);
    return row;
  }

  static void write(TwinCatalog catalog, String twin, String owner) {
    Instant created = T0.minusSeconds(86_400 * 3);
    TableWriter.append(catalog, Tables.TWIN_REGISTRY, List.of(registry(twin, "created", owner, created)));
    List<Map<String, Object>> readings = new java.util.ArrayList<>();
    for (int i = 0; i < YESTERDAY_BPM.length; i++) {
      readings.add(TwinApiTest.reading(twin, YESTERDAY_10.plusSeconds(600L * i), YESTERDAY_BPM[i]));
    }
    readings.add(TwinApiTest.reading(twin, T0.minusSeconds(1800), 66));
    TableWriter.append(catalog, Tables.HEALTH_EVENTS, readings);
    TableWriter.append(catalog, Tables.TWIN_STATE, List.of(lowState(twin, T0.minusSeconds(3600))));
  }

  /** A chat message as the stream job writes it to {@code chat_messages}. */
  static Map<String, Object> row(ChatMessage m) {
    Map<String, Object> row = new HashMap<>();
    row.put("event_id", m.getEventId());
    row.put("twin_id", m.getTwinId());
    row.put("ts", m.getTs());
    row.put("role", m.getRole());
    row.put("user_id", m.getUserId());
    row.put("text", m.getText());
    row.put("intent", m.getIntent());
    row.put("sentiment_label", m.getSentimentLabel());
    row.put("sentiment_score", m.getSentimentScore());
    return row;
  }
}
