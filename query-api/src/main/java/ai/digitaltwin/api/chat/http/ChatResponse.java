package ai.digitaltwin.api.chat.http;

import ai.digitaltwin.api.chat.ChatReply;
import ai.digitaltwin.api.chat.understanding.Sentiment;
import ai.digitaltwin.api.history.TwinHistory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST /twins/{id}/chat}: the reply and how it was reached. Evidence values are
 * written as the rest of the API writes query results (times as ISO-8601 text).
 *
 * @param processingMs server time from the request's arrival to the acknowledged write: access check,
 *     persona, model, queries and Kafka included; only writing this answer is not
 */
public record ChatResponse(
    String reply,
    String intent,
    double confidence,
    Sentiment sentiment,
    List<Evidence> evidence,
    String mood,
    long processingMs) {

  /** One query behind the reply: its SQL, its parameters in order, and the rows it returned. */
  public record Evidence(String sql, List<Object> params, List<Map<String, Object>> rows) {}

  static ChatResponse of(ChatReply reply, long processingMs) {
    List<Evidence> evidence = new ArrayList<>(reply.evidence().size());
    for (ai.digitaltwin.api.chat.answering.Evidence e : reply.evidence()) {
      List<Object> params = new ArrayList<>(e.params().size());
      e.params().forEach(p -> params.add(TwinHistory.jsonValue(p)));
      List<Map<String, Object>> rows = new ArrayList<>(e.rows().size());
      for (Map<String, Object> row : e.rows()) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((column, value) -> out.put(column, TwinHistory.jsonValue(value)));
        rows.add(out);
      }
      evidence.add(new Evidence(e.sql(), params, rows));
    }
    return new ChatResponse(
        reply.reply(), reply.intent(), reply.confidence(), reply.sentiment(), evidence, reply.mood(), processingMs);
  }
}
