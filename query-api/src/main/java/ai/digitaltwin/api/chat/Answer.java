package ai.digitaltwin.api.chat;

import java.util.List;

/**
 * What a handler found: the fact sentences (first person, numbers as queried) and how they look, which
 * the voice turns into worry or reassurance.
 */
record Answer(List<String> facts, Assessment assessment) {
  enum Assessment {
    /** Everything in the normal range. */
    NORMAL,
    /** Something outside the normal range, or an alert. */
    CONCERN,
    /** Facts that call for no judgement (what the twin was doing, its traits). */
    INFO,
    /** The query ran and found nothing. */
    NO_DATA,
    /** Conversation: nothing to appraise. */
    NONE
  }

  Answer {
    facts = List.copyOf(facts);
  }

  static Answer of(Assessment assessment, String... facts) {
    return new Answer(List.of(facts), assessment);
  }
}
