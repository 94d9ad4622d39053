package ai.digitaltwin.api.chat;

import java.time.Instant;
import java.util.List;

/**
 * A message understood: what it asks, about which metrics, for which time, asked when.
 *
 * @param intent what will be answered
 * @param classified what the sentence model recognised, before the time expression refined it
 * @param topic the finer topic of small talk ("thanks", "bye", ...), else null
 */
record Question(
    Message message,
    Intent intent,
    Intent classified,
    String topic,
    double confidence,
    List<Metric> metrics,
    Timeframe time,
    Instant now) {
  Question {
    metrics = List.copyOf(metrics);
  }
}
