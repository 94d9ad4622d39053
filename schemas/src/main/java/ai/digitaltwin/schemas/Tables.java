package ai.digitaltwin.schemas;

import java.util.List;

/**
 * Every Iceberg table of the system, declared once, all in namespace {@value #NAMESPACE}. Tables are
 * append-only history; "current" views are queries over it.
 */
public final class Tables {
  public static final String NAMESPACE = "twin";

  public static final String HEALTH_EVENTS = "health_events";
  public static final String BEHAVIOR_EVENTS = "behavior_events";
  public static final String TWIN_STATE = "twin_state";
  public static final String ANOMALIES = "anomalies";
  public static final String CHAT_MESSAGES = "chat_messages";
  public static final String TWIN_REGISTRY = "twin_registry";
  public static final String GROUND_TRUTH = "ground_truth";
  public static final String DEAD_LETTERS = "dead_letters";
  public static final String DAILY_SUMMARIES = "daily_summaries";

  public static final List<String> ALL =
      List.of(
          HEALTH_EVENTS,
          BEHAVIOR_EVENTS,
          TWIN_STATE,
          ANOMALIES,
          CHAT_MESSAGES,
          TWIN_REGISTRY,
          GROUND_TRUTH,
          DEAD_LETTERS,
          DAILY_SUMMARIES);

  private Tables() {}
}
