/**
 * The chat over HTTP: {@code POST /api/v1/twins/{id}/chat} and {@code GET /api/v1/twins/{id}/chat/history}.
 *
 * <p>One message goes: access check ({@code TwinService.writable}: chatting moves the twin's mood and
 * traits, so it is a change, like ingesting readings) → body check (not blank, at most
 * {@link ai.digitaltwin.api.chat.http.ChatController#MAX_MESSAGE_CHARS} characters) → the persona from the
 * registry (name, age, occupation, time zone) and the latest twin state (current traits, mood)
 * ({@code Personas}, through {@code TwinService.state}) → {@link ai.digitaltwin.api.chat.ChatService#reply} → the user's message (with its
 * sentiment and intent) and the twin's reply as two {@code ChatMessage} events on the chat topic,
 * acknowledged by every in-sync replica before anything is answered ({@code ChatMessages}) → the same
 * two rows in an in-memory overlay so the history shows them at once ({@code ChatLog}) → the answer.
 * If Kafka does not acknowledge, the caller gets 503 and no reply: nothing is said that was not kept.
 *
 * <p>The stream job turns the messages into {@code chat_messages} rows and folds the user's sentiment
 * into mood and neuroticism drift; the overlay rows leave as soon as Iceberg has the same event ids.
 */
package ai.digitaltwin.api.chat.http;
