package ai.digitaltwin.api.chat.understanding;

/** Sentiment of a message: label positive | neutral | negative and VADER's compound score in [-1, 1]. */
public record Sentiment(String label, double score) {}
