package ai.digitaltwin.api.chat.voice;

import java.util.List;

/**
 * What a handler found: the fact sentences (first person, numbers as queried) and how they look, which
 * the voice turns into worry or reassurance. Declared with the voice, whose input it is: the answerers
 * depend on the voice for their words, never the other way round.
 */
public record Answer(List<String> facts, Assessment assessment) {
  public enum Assessment {
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

  public Answer {
    facts = List.copyOf(facts);
  }

  public static Answer of(Assessment assessment, String... facts) {
    return new Answer(List.of(facts), assessment);
  }
}
