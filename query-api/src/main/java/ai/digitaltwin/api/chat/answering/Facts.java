package ai.digitaltwin.api.chat.answering;

import ai.digitaltwin.api.chat.voice.Answer;

/**
 * The answer to a question, by its intent: one answerer per kind of question, each reading the twin's
 * data only through the context's {@link Lookup} (so every query is the twin's and kept as evidence), and
 * conversation (small talk, help, asking back, not understood) answered from fixed words.
 */
public final class Facts {
  private Facts() {}

  /** The facts for {@code ctx}'s question; a query that fails throws, with the evidence so far in the lookup. */
  public static Answer answer(Context ctx) {
    return switch (ctx.question().intent()) {
      case HEALTH_NOW -> Vitals.now(ctx);
      case HISTORY -> Vitals.history(ctx);
      case TRENDS -> Trends.answer(ctx);
      case SLEEP -> Sleep.answer(ctx);
      case ACTIVITY -> Activity.answer(ctx);
      case MOOD -> MoodFacts.answer(ctx);
      case PERSONALITY -> PersonalityFacts.answer(ctx);
      case ANOMALIES -> Anomalies.answer(ctx);
      case ROUTINE -> Routine.answer(ctx);
      case EXPLAIN -> Explain.answer(ctx);
      case SMALL_TALK -> Conversation.smallTalk(ctx);
      case HELP -> Conversation.help(ctx);
      case CLARIFY -> Conversation.clarify(ctx);
      case UNKNOWN -> Conversation.unknown(ctx);
    };
  }
}
