package ai.digitaltwin.api.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One message and its reply: answer as the twin, then keep both. The transcript keeps them before the
 * answer leaves, so a reply the caller sees is never lost; if it cannot, the caller gets its error and no
 * reply. One turn at a time per conversation.
 */
public final class ChatExchange {
  private static final Logger LOG = LoggerFactory.getLogger(ChatExchange.class);

  private final ChatService chat;
  private final Transcript transcript;
  private final Clock clock;
  private final Conversations conversations;

  public ChatExchange(ChatService chat, Transcript transcript, Clock clock) {
    this.chat = chat;
    this.conversations = new Conversations(chat, transcript);
    this.transcript = transcript;
    this.clock = clock;
  }

  /**
   * Answers {@code text} from {@code userId} to the twin {@code speaker} finds (looked up here, so that
   * its time shows in this exchange's timings); {@code receivedNanos} is when the request arrived.
   */
  public ChatReply say(Supplier<Speaker> speaker, String userId, String text, long receivedNanos) {
    long start = System.nanoTime();
    Instant said = clock.instant();
    Speaker who = speaker.get();
    long persona = System.nanoTime();
    Dialogue dialogue = conversations.of(who.persona(), userId);
    ChatReply reply;
    synchronized (dialogue) { // one turn at a time per conversation: the next follows this one
      reply = chat.reply(who.persona(), text, who.now(), dialogue);
    }
    long replied = System.nanoTime();
    String twinId = who.persona().twinId();
    transcript.keep(twinId, userId, text, reply, said, clock.instant());
    long kept = System.nanoTime();
    LOG.debug("chat {} {}: access {} µs, persona {} µs, reply {} µs, kept {} µs", twinId, reply.intent(),
        micros(start - receivedNanos), micros(persona - start), micros(replied - persona), micros(kept - replied));
    return reply;
  }

  private static long micros(long nanos) {
    return nanos / 1_000;
  }
}
