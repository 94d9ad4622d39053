/**
 * Chat with a twin: it answers in the first person, as that person, from its own data.
 *
 * <p>Entry point: {@link ai.digitaltwin.api.chat.ChatService#create(SqlRunner)} once, then
 * {@link ai.digitaltwin.api.chat.ChatService#reply(TwinPersona, String, java.time.Instant)} per message.
 * A reply goes through these steps:
 *
 * <ol>
 *   <li><b>Normalise</b> ({@code Normaliser}): lower case, misspellings corrected towards the chat's own
 *       vocabulary with the sentence model's WordPiece vocabulary as the English dictionary
 *       ({@code Spelling}), metric names and synonyms found ({@code Metrics}, {@code chat/metrics.tsv}).
 *   <li><b>Intent</b> ({@code IntentClassifier}): nearest exemplars of {@code chat/intents.tsv} in the
 *       embedding space of all-MiniLM-L6-v2 (quantised ONNX, in-process), with a similarity threshold
 *       and margin for "don't know"; vital names are masked alike so that the metric does not decide
 *       the intent. The time expression ({@code TimeParser}) then splits vitals questions into now,
 *       history and trends.
 *   <li><b>Conversation</b> ({@code FollowUp}, {@code Dialogue}, {@code Remember}): the message read
 *       against the earlier turns ("and yesterday?", "why?"), asking back (CLARIFY) when it refers to
 *       nothing; the user's name and worries kept.
 *   <li><b>Sentiment</b> ({@code SentimentScorer}): VADER, with negation repaired by data
 *       ({@code chat/sentiment-phrases.tsv}).
 *   <li><b>Facts</b> (one class per intent): parameterised SQL over the DuckDB views named like the
 *       Iceberg tables, always filtered by the twin id; every query and its rows become evidence.
 *   <li><b>Voice</b> ({@code Voice}, {@code Recent}, {@code chat/voice.tsv}; sentences in
 *       {@code chat/facts.properties}): traits, mood and the user's tone choose the words around the
 *       facts, never the figures; a twin varies what it said lately.
 *   <li><b>Narrator</b>, optional ({@link ai.digitaltwin.api.chat.narrator}): a language model says the
 *       reply again in its own words, shown only when its figures are exactly the reply's.
 * </ol>
 *
 * <p>Evaluation: {@code src/test/resources/chat/eval-questions.tsv} (220 questions) and
 * {@code eval-dialogues.tsv} (65 dialogues) must be recognised at 95 % or better, in two voices, with
 * voice metrics ({@code ChatEvaluationTest}: {@code target/chat-benchmark.txt}, {@code target/chat-voice.txt}).
 */
package ai.digitaltwin.api.chat;
