package ai.digitaltwin.api.chat.store;

import ai.digitaltwin.api.chat.ChatReply;
import ai.digitaltwin.schemas.ChatMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * One exchange as the two events the chat topic carries: the user's message with the sentiment and
 * intent found in it, then the twin's reply. The reply is stamped at least a millisecond after the
 * message, so that "newest first" puts every reply above the message it answers.
 */
final class ChatMessages {
  static final String USER = "user";
  static final String TWIN = "twin";

  private ChatMessages() {}

  static List<ChatMessage> of(
      String twinId, String userId, String text, ChatReply reply, Instant saidAt, Instant answeredAt) {
    // the wire keeps milliseconds: the overlay must hold the same instants Iceberg will
    Instant said = saidAt.truncatedTo(ChronoUnit.MILLIS);
    Instant answered = answeredAt.truncatedTo(ChronoUnit.MILLIS);
    Instant replyTs = answered.isAfter(said) ? answered : said.plusMillis(1);
    ChatMessage user =
        ChatMessage.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setTwinId(twinId)
            .setTs(said)
            .setRole(USER)
            .setUserId(userId)
            .setText(text)
            .setIntent(reply.intent())
            .setSentimentLabel(reply.sentiment().label())
            .setSentimentScore(reply.sentiment().score())
            .build();
    // the twin's words carry no sentiment of the person: the stream job folds only the user's
    ChatMessage twin =
        ChatMessage.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setTwinId(twinId)
            .setTs(replyTs)
            .setRole(TWIN)
            .setUserId(userId)
            .setText(reply.reply())
            .setIntent(reply.intent())
            .build();
    return List.of(user, twin);
  }
}
