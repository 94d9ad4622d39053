/**
 * Chat with a twin: it answers in the first person, as that person, from its own data.
 *
 * <p>Entry point: {@link ai.digitaltwin.api.chat.ChatService#create} once, then
 * {@link ai.digitaltwin.api.chat.ChatService#reply} per message; over HTTP
 * {@link ai.digitaltwin.api.chat.ChatExchange} answers a message and keeps it and its reply in a
 * {@link ai.digitaltwin.api.chat.Transcript}, in the conversation {@code Conversations} holds for the
 * twin and user. This package is the orchestration and what it alone keeps: the conversation
 * ({@link ai.digitaltwin.api.chat.Dialogue}), the reply ({@link ai.digitaltwin.api.chat.ChatReply}) and the
 * interfaces its adapters implement. A reply goes through three stages, each a package that depends only
 * on the ones before it:
 *
 * <ol>
 *   <li><b>Understanding</b> ({@link ai.digitaltwin.api.chat.understanding}): the message normalised and
 *       spelt right, its intent (nearest exemplars of {@code chat/intents.tsv} in the embedding space of
 *       all-MiniLM-L6-v2, quantised ONNX, in-process), metrics and time, read against the earlier turns
 *       ("and yesterday?", "why?", asking back when it refers to nothing), what the user said about
 *       themselves, and its sentiment (VADER, negation repaired by {@code chat/sentiment-phrases.tsv}).
 *   <li><b>Answering</b> ({@link ai.digitaltwin.api.chat.answering}): one answerer per intent, with
 *       parameterised SQL over the tables through one interface
 *       ({@link ai.digitaltwin.api.chat.answering.SqlRunner}), always filtered by the twin id; every query
 *       and its rows become evidence.
 *   <li><b>Voice</b> ({@link ai.digitaltwin.api.chat.voice}; {@code chat/voice.tsv}, sentences in
 *       {@code chat/facts.properties}): traits, mood and the user's tone choose the words around the
 *       facts, never the figures; a twin varies what it said lately.
 * </ol>
 *
 * <p>Then, optionally, the <b>narrator</b> ({@link ai.digitaltwin.api.chat.narrator}): a language model
 * says the reply again in its own words, shown only when its figures are exactly the reply's. The
 * adapters are in {@code chat/store} (DuckDB, Kafka, the twin's registry and state), HTTP in
 * {@code chat/http}.
 *
 * <p>Evaluation: {@code src/test/resources/chat/eval-questions.tsv} (220 questions) and
 * {@code eval-dialogues.tsv} (65 dialogues) must be recognised at 95 % or better, in two voices, with
 * voice metrics ({@code ChatEvaluationTest}: {@code target/chat-benchmark.txt}, {@code target/chat-voice.txt}).
 */
package ai.digitaltwin.api.chat;
