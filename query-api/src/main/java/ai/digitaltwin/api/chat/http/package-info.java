/**
 * The chat over HTTP: {@code POST /api/v1/twins/{id}/chat} and {@code GET /api/v1/twins/{id}/chat/history}.
 * Only the controller and its request and response bodies; the exchange is the chat's
 * ({@link ai.digitaltwin.api.chat.ChatExchange}), the data its adapters' ({@code chat/store}).
 *
 * <p>One message goes: access check (the route declares {@code WRITE}: chatting moves the twin's mood and
 * traits, so it is a change, like ingesting readings) → body check (not blank, at most
 * {@link ai.digitaltwin.api.chat.http.ChatController#MAX_MESSAGE_CHARS} characters) → the exchange, given
 * how to find the persona from the registry (name, age, occupation, time zone) and the latest twin state
 * (current traits, mood) ({@code Personas}) → {@link ai.digitaltwin.api.chat.ChatService#reply} → the
 * user's message (with its sentiment and intent) and the twin's reply kept before anything is answered
 * ({@code KafkaTranscript}: two {@code ChatMessage} events on the chat topic, acknowledged by every
 * in-sync replica, then the same two rows in an in-memory overlay so the history shows them at once) →
 * the answer. If Kafka does not acknowledge, the caller gets 503 and no reply: nothing is said that was
 * not kept.
 *
 * <p>The stream job turns the messages into {@code chat_messages} rows and folds the user's sentiment
 * into mood and neuroticism drift; the overlay rows leave as soon as Iceberg has the same event ids.
 */
package ai.digitaltwin.api.chat.http;
