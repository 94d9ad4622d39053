package ai.digitaltwin.api.analytics;

import ai.digitaltwin.api.daily.DailyFigure;
import ai.digitaltwin.api.history.Row;
import ai.digitaltwin.api.twin.Traits;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /twins/{id}/analytics}, section by section as the original system named them.
 * Counts by name ({@code intents}, {@code activity_frequency}, {@code anomalies}) are maps: their keys are
 * whatever the rows hold, most frequent first.
 */
public record Analytics(
    String twinId,
    String from,
    String to,
    Interactions interactionSummary,
    Personality personalityAnalysis,
    Behavior behaviorAnalysis,
    Conversation conversationAnalysis,
    HealthTrends healthTrends,
    DailyFigures dailyFigures,
    Map<String, Long> anomalies,
    SystemMetrics systemMetrics) {

  public record Interactions(
      Long totalMessages, Long messagesFromUsers, Map<String, Long> intents, double averageDailyMessages) {}

  /** The traits now (the state's once the stream job has them) and the three highest. */
  public record Personality(Traits currentTraits, List<String> dominantTraits) {}

  /** What the twin did in the window, and its newest state's activity, mood and energy. */
  public record Behavior(
      Map<String, Long> activityFrequency, String currentActivity, String currentMood, Double energyLevel) {}

  public record Conversation(List<Sentiment> recentSentiments, Double sentimentMean) {}

  /** A chat message's sentiment (one of the last ten that have one). */
  public record Sentiment(String ts, String role, String sentimentLabel, Double sentimentScore) {
    static Sentiment of(Row row) {
      return new Sentiment(
          row.text("ts"), row.text("role"), row.text("sentiment_label"), row.decimal("sentiment_score"));
    }
  }

  /** Every reading of the window: means, the newest time, and how many broke each of the original's alert rules. */
  public record HealthTrends(
      Long readings,
      Double heartRateMean,
      Double systolicMean,
      Double stressMean,
      Double energyMean,
      String lastHealthUpdate,
      Long heartRateAlerts,
      Long systolicAlerts,
      Long stressAlerts,
      Long lowEnergyReadings) {
    static HealthTrends of(Row row) {
      return new HealthTrends(
          row.whole("readings"),
          row.decimal("heart_rate_mean"),
          row.decimal("systolic_mean"),
          row.decimal("stress_mean"),
          row.decimal("energy_mean"),
          row.text("last_health_update"),
          row.whole("heart_rate_alerts"),
          row.whole("systolic_alerts"),
          row.whole("stress_alerts"),
          row.whole("low_energy_readings"));
    }
  }

  /** The twin's local days the window touches, whole, in its zone ({@code to} exclusive). */
  public record DailyFigures(String timezone, String from, String to, List<DailyFigure> days) {}

  public record SystemMetrics(
      String createdAt,
      Double ageHours,
      String lastInteraction,
      String lastHealthUpdate,
      String lastPersonalityUpdate) {}
}
