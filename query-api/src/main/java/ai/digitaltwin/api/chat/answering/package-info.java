/**
 * The facts: what a question is answered with, computed from the twin's own data.
 *
 * <p>{@link ai.digitaltwin.api.chat.answering.Facts} picks one answerer per intent ({@code Vitals} now and
 * over a period, {@code Trends}, {@code Sleep}, {@code Activity}, {@code MoodFacts},
 * {@code PersonalityFacts}, {@code Anomalies}, {@code Routine}, {@code Explain}; {@code Conversation} for
 * small talk, help, asking back and not understood). Every answerer reads the data through one interface,
 * {@link ai.digitaltwin.api.chat.answering.SqlRunner}, and only by way of the reply's
 * {@link ai.digitaltwin.api.chat.answering.Lookup}: parameterised SQL over the tables named in
 * {@code Tables}, always filtered by the twin id, every query and its rows kept as
 * {@link ai.digitaltwin.api.chat.answering.Evidence}. How the SQL is run (DuckDB views over Iceberg, a
 * JDBC connection in tests) is the runner's business: nothing here knows DuckDB, Kafka or HTTP.
 *
 * <p>The facts are stated in the sentences of the voice's {@code Phrases}, figures exactly as the rows
 * hold them ({@code Format}), and appraised ({@code Answer.Assessment}) for the voice to speak.
 */
package ai.digitaltwin.api.chat.answering;
