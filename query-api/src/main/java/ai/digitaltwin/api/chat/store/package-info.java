/**
 * The chat's adapters: how the chat's core reaches the API's data, through the interfaces it declares.
 *
 * <ul>
 *   <li>{@code HistorySql}: the answerers' {@link ai.digitaltwin.api.chat.answering.SqlRunner} over the
 *       API's DuckDB views of the Iceberg tables, reading only the data files a question's twin and time
 *       can lie in, and the twin's daily figures.
 *   <li>{@code KafkaTranscript}: the exchange's {@link ai.digitaltwin.api.chat.Transcript}, the chat topic
 *       ({@code ChatMessages}: an exchange as two events) and the history ({@code ChatLog}:
 *       {@code chat_messages} plus this replica's overlay of messages not yet committed).
 *   <li>{@code Personas}: who speaks for a twin, from its registry row and newest state.
 * </ul>
 */
package ai.digitaltwin.api.chat.store;
