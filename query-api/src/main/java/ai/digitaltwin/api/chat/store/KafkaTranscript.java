package ai.digitaltwin.api.chat.store;

import ai.digitaltwin.api.chat.ChatReply;
import ai.digitaltwin.api.chat.Transcript;
import ai.digitaltwin.api.kafka.EventProducer;
import ai.digitaltwin.schemas.ChatMessage;
import ai.digitaltwin.schemas.Topics;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transcript on the chat topic: an exchange is kept as two {@link ChatMessage} events keyed by twin,
 * and {@link #keep} returns once Kafka has acknowledged them (if it refuses, the caller gets 503 and no
 * reply). The same two rows then go to this replica's overlay ({@link ChatLog}) so that the history shows
 * them at once; that only shortens the wait for the stream job's commit, and failing to fill it loses
 * nothing. What a user said is read back from the history, {@code chat_messages} and the overlay.
 */
public final class KafkaTranscript implements Transcript {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaTranscript.class);

  private final EventProducer events;
  private final ChatLog log;

  public KafkaTranscript(EventProducer events, ChatLog log) {
    this.events = events;
    this.log = log;
  }

  @Override
  public void keep(String twinId, String userId, String text, ChatReply reply, Instant saidAt, Instant answeredAt) {
    long start = System.nanoTime();
    List<ChatMessage> messages = ChatMessages.of(twinId, userId, text, reply, saidAt, answeredAt);
    events.sendAll(Topics.CHAT, messages.stream().map(m -> new EventProducer.Keyed<>(twinId, m)).toList());
    long acknowledged = System.nanoTime();
    try {
      log.add(messages);
    } catch (RuntimeException e) {
      LOG.warn("chat of {} is in Kafka but not yet in this replica's history: {}", twinId, e.toString());
    }
    LOG.debug("chat {} kept: kafka {} µs, overlay {} µs", twinId, (acknowledged - start) / 1_000,
        (System.nanoTime() - acknowledged) / 1_000);
  }

  @Override
  public List<Line> said(String twinId, String userId, int limit) {
    return log.said(twinId, userId, limit);
  }
}
