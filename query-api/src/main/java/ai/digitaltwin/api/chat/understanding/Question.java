package ai.digitaltwin.api.chat.understanding;

import java.time.Instant;
import java.util.List;

/**
 * A message understood: what it asks, about which metrics, for which time, asked when.
 *
 * @param intent what will be answered
 * @param classified what the sentence model recognised, before the time expression refined it
 * @param topic the finer topic of small talk ("thanks", "bye", ...), else null
 */
public record Question(
    Message message,
    Intent intent,
    Intent classified,
    String topic,
    double confidence,
    List<Metric> metrics,
    Timeframe time,
    Instant now) {
  public Question {
    metrics = List.copyOf(metrics);
  }
}
