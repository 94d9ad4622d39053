package ai.digitaltwin.api.chat;

import ai.digitaltwin.api.chat.answering.Evidence;
import ai.digitaltwin.api.chat.understanding.Sentiment;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The answer to one message, in the wire shape of {@code POST /api/v1/twins/{id}/chat}.
 *
 * @param intent wire name of the recognised intent (see
 *     {@link ai.digitaltwin.api.chat.understanding.Intent#wireName()})
 * @param confidence how sure the intent recognition was, in [0, 1]
 * @param sentiment of the user's message
 * @param evidence every query that ran for this reply, with its rows; empty when none ran
 * @param mood the twin's mood label the reply was spoken in (may be null)
 */
public record ChatReply(
    String reply,
    String intent,
    double confidence,
    Sentiment sentiment,
    List<Evidence> evidence,
    String mood,
    @JsonProperty("processing_ms") long processingMs) {
  public ChatReply {
    evidence = List.copyOf(evidence);
  }
}
