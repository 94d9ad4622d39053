package ai.digitaltwin.api.chat;

import java.util.Locale;

/** What a message asks for. The wire name is the lower-case constant name, e.g. {@code health_now}. */
public enum Intent {
  HEALTH_NOW,
  SLEEP,
  ACTIVITY,
  MOOD,
  PERSONALITY,
  ANOMALIES,
  TRENDS,
  HISTORY,
  SMALL_TALK,
  HELP,
  /** Off-topic or not answerable from the twin's data. */
  UNKNOWN;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Intent parse(String wireName) {
    try {
      return valueOf(wireName.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown intent: " + wireName, e);
    }
  }

  /** Intents answered from data (SQL), as opposed to conversation. */
  public boolean factual() {
    return this != SMALL_TALK && this != HELP && this != UNKNOWN;
  }
}
