package ai.digitaltwin.api.chat.understanding;

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
  /** Habits: the usual day on weekdays and at weekends, bedtime, when the twin exercises. */
  ROUTINE,
  /** Why a figure is as it is: the value against the baseline, the activity, the alerts. */
  EXPLAIN,
  SMALL_TALK,
  HELP,
  /** Too vague to answer without asking back ("and yesterday?" with nothing said before). */
  CLARIFY,
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
    return this != SMALL_TALK && this != HELP && this != UNKNOWN && this != CLARIFY;
  }
}
