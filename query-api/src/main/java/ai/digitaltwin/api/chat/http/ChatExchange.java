package ai.digitaltwin.api.chat.http;

import ai.digitaltwin.api.chat.ChatReply;
import ai.digitaltwin.api.chat.ChatService;
import ai.digitaltwin.api.chat.Dialogue;
import ai.digitaltwin.api.kafka.EventProducer;
import ai.digitaltwin.api.twin.TwinService;
import ai.digitaltwin.schemas.ChatMessage;
import ai.digitaltwin.schemas.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One message and its reply: answer as the twin, then keep both. Kafka's acknowledgement comes before
 * the answer leaves, so a reply the caller sees is never lost; if Kafka refuses, the caller gets 503 and
 * no reply. The overlay only shortens the wait for the history; failing to fill it loses nothing.
 */
public final class ChatExchange {
  private static final Logger LOG = LoggerFactory.getLogger(ChatExchange.class);

  private final ChatService chat;
  private final Personas personas;
  private final EventProducer events;
  private final ChatLog log;
  private final Clock clock;
  private final Conversations conversations;

  public ChatExchange(ChatService chat, TwinService twins, EventProducer events, ChatLog log, Clock clock) {
    this.chat = chat;
    this.conversations = new Conversations(chat, log);
    this.personas = new Personas(twins, clock);
    this.events = events;
    this.log = log;
    this.clock = clock;
  }

  /**
   * Answers {@code text} from {@code userId} to the twin of {@code registry} (its current registry row);
   * {@code receivedNanos} is when the request arrived, for {@code processing_ms}.
   */
  ChatResponse say(Map<String, Object> registry, String userId, String text, long receivedNanos) {
    long start = System.nanoTime();
    Instant said = clock.instant();
    Personas.Speaker speaker = personas.of(registry);
    long persona = System.nanoTime();
    Dialogue dialogue = conversations.of(speaker.persona(), userId);
    ChatReply reply;
    synchronized (dialogue) { // one turn at a time per conversation: the next follows this one
      reply = chat.reply(speaker.persona(), text, speaker.now(), dialogue);
    }
    long replied = System.nanoTime();
    String twinId = speaker.persona().twinId();
    List<ChatMessage> messages = ChatMessages.of(twinId, userId, text, reply, said, clock.instant());
    events.sendAll(Topics.CHAT, messages.stream().map(m -> new EventProducer.Keyed<>(twinId, m)).toList());
    long acknowledged = System.nanoTime();
    try {
      log.add(messages);
    } catch (RuntimeException e) {
      LOG.warn("chat of {} is in Kafka but not yet in this replica's history: {}", twinId, e.toString());
    }
    long end = System.nanoTime();
    LOG.debug("chat {} {}: access {} µs, persona {} µs, reply {} µs, kafka {} µs, overlay {} µs", twinId,
        reply.intent(), micros(start - receivedNanos), micros(persona - start), micros(replied - persona),
        micros(acknowledged - replied), micros(end - acknowledged));
    return ChatResponse.of(reply, ms(end - receivedNanos));
  }

  private static long micros(long nanos) {
    return nanos / 1_000;
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
