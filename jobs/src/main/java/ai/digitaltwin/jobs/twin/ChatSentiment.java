package ai.digitaltwin.jobs.twin;

import ai.digitaltwin.jobs.types.RecordTypes;
import ai.digitaltwin.schemas.ChatMessage;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/** What the twin state reads of a {@link ChatMessage}: who wrote it and its sentiment, not the text. */
public record ChatSentiment(String role, Double score) {

  static final TypeInformation<ChatSentiment> TYPE =
      RecordTypes.of(ChatSentiment.class, Map.of("role", Types.STRING, "score", Types.DOUBLE));

  static ChatSentiment of(ChatMessage m) {
    return new ChatSentiment(m.getRole(), m.getSentimentScore());
  }
}
