package ai.digitaltwin.api.analytics;

import ai.digitaltwin.api.daily.DailyFigures;
import ai.digitaltwin.api.history.QueryResult;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.http.Window;
import ai.digitaltwin.api.twin.RecentRegistry;
import ai.digitaltwin.schemas.Tables;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The original system's per-twin analytics (interaction, personality, behaviour, conversation, health
 * and system sections), each computed from history over a window instead of from in-memory fields. The
 * health section applies the original's alert rules to every reading: heart rate outside 50-100 bpm,
 * systolic above 140, stress above 0.8. {@code daily_figures} gives the twin's figures per local day
 * ({@link DailyFigures}: the rollup's rows where they hold the answer).
 */
public final class AnalyticsService {
  static final String CHAT =
      "SELECT count(*) AS messages, count(*) FILTER (WHERE role = 'user') AS from_users,"
          + " max(ts) AS last_interaction, avg(sentiment_score) AS sentiment_mean"
          + " FROM " + Tables.CHAT_MESSAGES + " WHERE twin_id = ? AND ts >= ? AND ts < ?";
  static final String INTENTS =
      "SELECT intent, count(*) AS n FROM " + Tables.CHAT_MESSAGES + " WHERE twin_id = ? AND ts >= ? AND ts < ?"
          + " AND intent IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1";
  static final String SENTIMENTS =
      "SELECT ts, role, sentiment_label, sentiment_score FROM " + Tables.CHAT_MESSAGES
          + " WHERE twin_id = ? AND ts >= ? AND ts < ? AND sentiment_label IS NOT NULL ORDER BY ts DESC LIMIT 10";
  static final String HEALTH =
      "SELECT count(*) AS readings, avg(heart_rate) AS heart_rate_mean, avg(systolic_bp) AS systolic_mean,"
          + " avg(stress) AS stress_mean, avg(energy) AS energy_mean, max(ts) AS last_health_update,"
          + " count(*) FILTER (WHERE heart_rate < 50 OR heart_rate > 100) AS heart_rate_alerts,"
          + " count(*) FILTER (WHERE systolic_bp > 140) AS systolic_alerts,"
          + " count(*) FILTER (WHERE stress > 0.8) AS stress_alerts,"
          + " count(*) FILTER (WHERE energy < 0.3) AS low_energy_readings"
          + " FROM " + Tables.HEALTH_EVENTS + " WHERE twin_id = ? AND ts >= ? AND ts < ?";
  static final String ACTIVITIES =
      "SELECT activity, count(*) AS n FROM " + Tables.BEHAVIOR_EVENTS + " WHERE twin_id = ? AND ts >= ? AND ts < ?"
          + " GROUP BY 1 ORDER BY 2 DESC, 1";
  static final String STATE =
      "SELECT ts, activity, mood, mood_score, energy, stress, openness, conscientiousness, extraversion,"
          + " agreeableness, neuroticism FROM " + Tables.TWIN_STATE + " WHERE twin_id = ? AND ts < ? ORDER BY ts DESC,"
          + " readings DESC LIMIT 1";
  static final String LAST_DRIFT =
      "SELECT max(ts) AS ts FROM " + Tables.TWIN_STATE + " WHERE twin_id = ? AND ts < ? AND drift_cause IS NOT NULL";
  static final String ANOMALIES =
      "SELECT severity, count(DISTINCT (type, start_ts)) AS episodes FROM " + Tables.ANOMALIES + " WHERE twin_id = ?"
          + " AND start_ts >= ? AND start_ts < ? GROUP BY 1 ORDER BY 1";
  static final String CREATED =
      "SELECT min(ts) AS created_at FROM " + RecentRegistry.LIVE_VIEW + " WHERE twin_id = ?";

  static final List<String> TRAITS =
      List.of("openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism");

  private final TwinHistory history;
  private final DailyFigures daily;

  public AnalyticsService(TwinHistory history, DailyFigures daily) {
    this.history = history;
    this.daily = daily;
  }

  public Map<String, Object> analytics(String twinId, Map<String, Object> registry, Window window) {
    List<Object> w = List.of(twinId, window.fromParam(), window.toParam());
    List<Object> until = List.of(twinId, window.toParam());
    double days = Math.max(1, (window.to().toEpochMilli() - window.from().toEpochMilli()) / 86_400_000.0);
    Map<String, Object> chat = one(history.query(CHAT, w));
    Map<String, Object> health = one(history.query(HEALTH, w));
    Map<String, Object> state = one(history.query(STATE, until));

    Map<String, Object> interactions = new LinkedHashMap<>();
    interactions.put("total_messages", chat.get("messages"));
    interactions.put("messages_from_users", chat.get("from_users"));
    interactions.put("intents", counts(history.query(INTENTS, w), "intent"));
    interactions.put("average_daily_messages", round(((Number) chat.get("messages")).doubleValue() / days));

    Map<String, Object> traits = new LinkedHashMap<>();
    Map<String, Object> source = state != null && state.get("openness") != null ? state : registry;
    for (String trait : TRAITS) {
      traits.put(trait, source.get(trait));
    }
    List<String> dominant = new ArrayList<>();
    traits.entrySet().stream()
        .filter(e -> e.getValue() instanceof Number)
        .sorted(Comparator.comparingDouble(e -> -((Number) e.getValue()).doubleValue()))
        .limit(3)
        .forEach(e -> dominant.add(e.getKey()));
    Map<String, Object> personality = new LinkedHashMap<>();
    personality.put("current_traits", traits);
    personality.put("dominant_traits", dominant);

    Map<String, Object> behavior = new LinkedHashMap<>();
    behavior.put("activity_frequency", counts(history.query(ACTIVITIES, w), "activity"));
    behavior.put("current_activity", state == null ? null : state.get("activity"));
    behavior.put("current_mood", state == null ? null : state.get("mood"));
    behavior.put("energy_level", state == null ? null : state.get("energy"));

    Map<String, Object> conversation = new LinkedHashMap<>();
    conversation.put("recent_sentiments", history.query(SENTIMENTS, w).asMaps());
    conversation.put("sentiment_mean", chat.get("sentiment_mean"));

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("twin_id", twinId);
    out.put("from", window.from().toString());
    out.put("to", window.to().toString());
    out.put("interaction_summary", interactions);
    out.put("personality_analysis", personality);
    out.put("behavior_analysis", behavior);
    out.put("conversation_analysis", conversation);
    out.put("health_trends", health);
    out.put("daily_figures", dailyFigures(twinId, window));
    out.put("anomalies", counts(history.query(ANOMALIES, w), "severity"));
    out.put("system_metrics", system(twinId, window, chat, health));
    return out;
  }

  private Map<String, Object> system(String twinId, Window window, Map<String, Object> chat, Map<String, Object> health) {
    Object created = one(history.query(CREATED, List.of(twinId))).get("created_at");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("created_at", created);
    out.put(
        "age_hours",
        created == null ? null : round((window.to().toEpochMilli() - Instant.parse((String) created).toEpochMilli()) / 3_600_000.0));
    out.put("last_interaction", chat.get("last_interaction"));
    out.put("last_health_update", health.get("last_health_update"));
    out.put(
        "last_personality_update",
        one(history.query(LAST_DRIFT, List.of(twinId, window.toParam()))).get("ts"));
    return out;
  }

  /**
   * The twin's figures per local day for every local day the window touches (whole days, so readings
   * just outside the window count on the first and last day): from {@code daily_summaries} where the
   * rollup holds them, from the readings otherwise ({@link DailyFigures}).
   */
  private Map<String, Object> dailyFigures(String twinId, Window window) {
    ZoneId zone = daily.zone(twinId);
    LocalDate from = LocalDate.ofInstant(window.from(), zone);
    LocalDate to = LocalDate.ofInstant(window.to().minusNanos(1), zone).plusDays(1);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("timezone", zone.getId());
    out.put("from", from.toString());
    out.put("to", to.toString());
    out.put("days", daily.days(twinId, from, to, DailyFigures.Source.AUTO).asMaps());
    return out;
  }

  private static Map<String, Object> counts(QueryResult result, String key) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map<String, Object> row : result.asMaps()) {
      out.put(String.valueOf(row.get(key)), row.get(result.columns().get(1)));
    }
    return out;
  }

  private static Map<String, Object> one(QueryResult result) {
    return result.isEmpty() ? null : result.asMaps().get(0);
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
