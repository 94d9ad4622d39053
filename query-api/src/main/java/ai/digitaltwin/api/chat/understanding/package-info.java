/**
 * The chat's first stage: a message becomes a {@link ai.digitaltwin.api.chat.understanding.Question}.
 *
 * <p>{@code Normaliser} lower-cases and tokenises, corrects misspellings towards the chat's vocabulary
 * ({@code Spelling}, with the sentence model's WordPiece vocabulary as the English dictionary) and finds
 * metric names and synonyms ({@code Metrics}, {@code chat/metrics.tsv}); {@code IntentClassifier} finds
 * the intent by the nearest exemplars of {@code chat/intents.tsv} in the embedding space of
 * all-MiniLM-L6-v2; {@code TimeParser} finds the time asked about in the twin's zone; {@code FollowUp}
 * reads the message against the earlier turns ({@link ai.digitaltwin.api.chat.understanding.Earlier}),
 * asking back (CLARIFY) when it refers to nothing; {@code Remember} keeps what the user said about
 * themselves; {@code SentimentScorer} scores the message's tone (VADER, negation repaired by
 * {@code chat/sentiment-phrases.tsv}).
 *
 * <p>Depends on no other part of the chat: the later stages (answering, voice) and the chat itself read
 * its types.
 */
package ai.digitaltwin.api.chat.understanding;
