package ai.digitaltwin.api.chat;

import java.time.Instant;
import java.util.List;

/**
 * Where the chat's exchanges are kept and read back. Declared here, for what the exchange needs;
 * implemented outside the chat's core (the chat topic and this API's history).
 */
public interface Transcript {
  /** One message a user sent, as kept: when and what. */
  record Line(Instant at, String text) {}

  /**
   * Keeps the user's {@code text}, with the sentiment and intent {@code reply} found in it, and the
   * twin's reply. Returns only once both are kept for good; throws when they could not be, and then
   * nothing may be answered.
   */
  void keep(String twinId, String userId, String text, ChatReply reply, Instant saidAt, Instant answeredAt);

  /** What {@code userId} last said to the twin, newest first, at most {@code limit} messages. */
  List<Line> said(String twinId, String userId, int limit);
}
