package ai.digitaltwin.api.chat.understanding;

import java.util.List;

/**
 * A user message after normalisation: lower case, spelling corrected, metric names in their canonical
 * spelling.
 *
 * @param text the normalised tokens joined by single spaces: what the classifier and time parser read
 * @param classifierText the text with every vital named alike, what the intent classifier reads
 * @param metrics the metrics named, in order of mention
 */
public record Message(String raw, String text, String classifierText, List<String> tokens, List<Metric> metrics) {
  public Message {
    tokens = List.copyOf(tokens);
    metrics = List.copyOf(metrics);
  }
}
