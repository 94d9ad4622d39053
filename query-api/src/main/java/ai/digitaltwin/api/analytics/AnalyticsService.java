package ai.digitaltwin.api.analytics;

import ai.digitaltwin.api.daily.DailyFigures;
import ai.digitaltwin.api.history.QueryResult;
import ai.digitaltwin.api.history.Row;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.http.Window;
import ai.digitaltwin.api.twin.RecentRegistry;
import ai.digitaltwin.api.twin.RegistryRow;
import ai.digitaltwin.api.twin.Traits;
import ai.digitaltwin.schemas.Tables;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

  private final TwinHistory history;
  private final DailyFigures daily;

  public AnalyticsService(TwinHistory history, DailyFigures daily) {
    this.history = history;
    this.daily = daily;
  }

  /** The {@link #CHAT} row: messages in the window, from users, the newest one's time, mean sentiment. */
  private record Chat(Long messages, Long fromUsers, String lastInteraction, Double sentimentMean) {
    static Chat of(Row row) {
      return new Chat(
          row.whole("messages"), row.whole("from_users"), row.text("last_interaction"), row.decimal("sentiment_mean"));
    }
  }

  /** The {@link #STATE} row: the newest state before the window's end. */
  private record StateNow(String activity, String mood, Double energy, Traits traits) {
    static StateNow of(Row row) {
      return new StateNow(row.text("activity"), row.text("mood"), row.decimal("energy"), row.as(Traits.class));
    }
  }

  /** {@code registry}: the twin's current registry row, whose traits count until a state has some. */
  public Analytics analytics(String twinId, RegistryRow registry, Window window) {
    List<Object> w = List.of(twinId, window.fromParam(), window.toParam());
    List<Object> until = List.of(twinId, window.toParam());
    double days = Math.max(1, (window.to().toEpochMilli() - window.from().toEpochMilli()) / 86_400_000.0);
    Chat chat = history.query(CHAT, w).first(Chat::of).orElseThrow();
    Analytics.HealthTrends health = history.query(HEALTH, w).first(Analytics.HealthTrends::of).orElseThrow();
    StateNow state = history.query(STATE, until).first(StateNow::of).orElse(null);

    Traits traits = state != null && state.traits().known() ? state.traits() : registry.traits();
    List<String> dominant = traits.byName().entrySet().stream()
        .filter(e -> e.getValue() != null)
        .sorted(Comparator.comparingDouble(e -> -e.getValue()))
        .limit(3)
        .map(Map.Entry::getKey)
        .toList();

    return new Analytics(
        twinId,
        window.from().toString(),
        window.to().toString(),
        new Analytics.Interactions(
            chat.messages(), chat.fromUsers(), counts(history.query(INTENTS, w)), round(chat.messages() / days)),
        new Analytics.Personality(traits, dominant),
        new Analytics.Behavior(
            counts(history.query(ACTIVITIES, w)),
            state == null ? null : state.activity(),
            state == null ? null : state.mood(),
            state == null ? null : state.energy()),
        new Analytics.Conversation(history.query(SENTIMENTS, w).map(Analytics.Sentiment::of), chat.sentimentMean()),
        health,
        dailyFigures(twinId, window),
        counts(history.query(ANOMALIES, w)),
        system(twinId, window, chat, health));
  }

  private Analytics.SystemMetrics system(String twinId, Window window, Chat chat, Analytics.HealthTrends health) {
    String created = history.query(CREATED, List.of(twinId)).first(r -> r.text("created_at")).orElse(null);
    return new Analytics.SystemMetrics(
        created,
        created == null ? null : round((window.to().toEpochMilli() - Instant.parse(created).toEpochMilli()) / 3_600_000.0),
        chat.lastInteraction(),
        health.lastHealthUpdate(),
        history.query(LAST_DRIFT, List.of(twinId, window.toParam())).first(r -> r.text("ts")).orElse(null));
  }

  /**
   * The twin's figures per local day for every local day the window touches (whole days, so readings
   * just outside the window count on the first and last day): from {@code daily_summaries} where the
   * rollup holds them, from the readings otherwise ({@link DailyFigures}).
   */
  private Analytics.DailyFigures dailyFigures(String twinId, Window window) {
    ZoneId zone = daily.zone(twinId);
    LocalDate from = LocalDate.ofInstant(window.from(), zone);
    LocalDate to = LocalDate.ofInstant(window.to().minusNanos(1), zone).plusDays(1);
    return new Analytics.DailyFigures(
        zone.getId(), from.toString(), to.toString(), daily.figures(twinId, from, to, DailyFigures.Source.AUTO));
  }

  /** A two-column count (name, count) as a map in row order. */
  private static Map<String, Long> counts(QueryResult result) {
    Map<String, Long> out = new LinkedHashMap<>();
    String name = result.columns().get(0);
    String count = result.columns().get(1);
    for (Row row : result.map(r -> r)) {
      out.put(String.valueOf(row.value(name)), row.whole(count));
    }
    return out;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
