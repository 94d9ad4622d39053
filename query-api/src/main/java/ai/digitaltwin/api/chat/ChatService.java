package ai.digitaltwin.api.chat;

import ai.digitaltwin.api.chat.answering.Context;
import ai.digitaltwin.api.chat.answering.Evidence;
import ai.digitaltwin.api.chat.answering.Facts;
import ai.digitaltwin.api.chat.answering.Lookup;
import ai.digitaltwin.api.chat.answering.SqlRunner;
import ai.digitaltwin.api.chat.narrator.Narrator;
import ai.digitaltwin.api.chat.narrator.Script;
import ai.digitaltwin.api.chat.understanding.Intent;
import ai.digitaltwin.api.chat.understanding.Metrics;
import ai.digitaltwin.api.chat.understanding.Question;
import ai.digitaltwin.api.chat.understanding.Remember;
import ai.digitaltwin.api.chat.understanding.Sentiment;
import ai.digitaltwin.api.chat.understanding.SentimentScorer;
import ai.digitaltwin.api.chat.understanding.Understanding;
import ai.digitaltwin.api.chat.voice.Answer;
import ai.digitaltwin.api.chat.voice.BigFive;
import ai.digitaltwin.api.chat.voice.Phrases;
import ai.digitaltwin.api.chat.voice.Recent;
import ai.digitaltwin.api.chat.voice.TwinPersona;
import ai.digitaltwin.api.chat.voice.Voice;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks as a twin: understands a message (intent, metrics, time), answers it from the twin's data with
 * parameterised SQL, and says the figures that came back in the twin's own voice (or, with a {@link Narrator},
 * in a language model's words that carry exactly the same figures). Create once (loading
 * the sentence model and embedding the exemplars takes a second or two), then call {@link #reply} from
 * any number of threads.
 */
public final class ChatService {
  private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);

  private final SqlRunner sql;
  private final Understanding understanding;
  private final Metrics metrics;
  private final Phrases phrases;
  private final Voice voice;
  private final SentimentScorer sentiment;
  private final Narrator narrator;

  private ChatService(SqlRunner sql, Understanding understanding, Metrics metrics, Phrases phrases, Voice voice,
      SentimentScorer sentiment, Narrator narrator) {
    this.sql = sql;
    this.understanding = understanding;
    this.metrics = metrics;
    this.phrases = phrases;
    this.voice = voice;
    this.sentiment = sentiment;
    this.narrator = narrator;
  }

  /** Loads the model and the chat's data files; queries go through {@code sql}. No narrator. */
  public static ChatService create(SqlRunner sql) {
    return create(sql, Narrator.off());
  }

  /** As {@link #create(SqlRunner)}, each reply told by {@code narrator} (which falls back to the twin's own). */
  public static ChatService create(SqlRunner sql, Narrator narrator) {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(narrator, "narrator");
    long start = System.nanoTime();
    Understanding understanding = Understanding.load();
    SentimentScorer sentiment = SentimentScorer.load();
    ChatService service = new ChatService(sql, understanding, Metrics.load(), Phrases.load(), Voice.load(sentiment),
        sentiment, narrator);
    LOG.info("Chat ready in {} ms", (System.nanoTime() - start) / 1_000_000);
    return service;
  }

  /**
   * Answers {@code message} as {@code persona}, with "now" (for "yesterday", "right now") at {@code now}.
   *
   * @throws IllegalArgumentException if the message is null or blank
   */
  public ChatReply reply(TwinPersona persona, String message, Instant now) {
    return reply(persona, message, now, new Dialogue(), new Recent());
  }

  /**
   * Answers {@code message} as the next turn of {@code dialogue}: follow-ups resolve against its earlier
   * turns, and it keeps what the user said about themselves.
   */
  public ChatReply reply(TwinPersona persona, String message, Instant now, Dialogue dialogue) {
    return reply(persona, message, now, dialogue, voice.recent(persona.twinId()));
  }

  /** A question alone is answered without memory ({@code recent} fresh), a conversation's turn with the twin's. */
  private ChatReply reply(TwinPersona persona, String message, Instant now, Dialogue dialogue, Recent recent) {
    long start = System.nanoTime();
    Objects.requireNonNull(dialogue, "dialogue");
    Objects.requireNonNull(persona, "persona");
    Objects.requireNonNull(now, "now");
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("Message must not be blank");
    }
    Sentiment feeling = sentiment.score(message);
    long felt = System.nanoTime();
    Question question = understanding.understand(message, now, persona.zone(), dialogue);
    Remember.Said said = Remember.from(question.message());
    dialogue.heard(question, said);
    long understood = System.nanoTime();
    Lookup lookup = new Lookup(sql, persona.twinId());
    Context context = new Context(question, persona, lookup, phrases, metrics, dialogue, said, feeling, recent);
    String text;
    long answered = understood;
    long spoken = understood;
    try {
      Answer answer = Facts.answer(context);
      answered = System.nanoTime();
      spoken = answered;
      text = voice.speak(new Voice.Turn(persona, question, answer, feeling, dialogue, said, recent));
      spoken = System.nanoTime();
      text = narrator.tell(script(persona, message, text, lookup.evidence()));
    } catch (RuntimeException e) {
      LOG.warn("Chat query failed for twin {} ({}): {}", persona.twinId(), question.intent().wireName(), e.toString());
      text = phrases.get("error");
    }
    long end = System.nanoTime();
    long elapsedMs = (end - start) / 1_000_000;
    LOG.debug("reply {}: sentiment {} µs, understanding {} µs, {} queries {} µs, voice {} µs, narrator {} µs",
        question.intent().wireName(), (felt - start) / 1000, (understood - felt) / 1000, lookup.evidence().size(),
        (answered - understood) / 1000, (spoken - answered) / 1000, (end - spoken) / 1000);
    return new ChatReply(text, question.intent().wireName(), question.confidence(), feeling, lookup.evidence(),
        persona.mood(), elapsedMs);
  }

  /**
   * Replays a message the user sent earlier (at {@code at}) into {@code dialogue} without answering it:
   * how a conversation is rebuilt from the stored history after a restart.
   */
  public void remember(Dialogue dialogue, TwinPersona persona, String message, Instant at) {
    if (message == null || message.isBlank()) {
      return;
    }
    Question question = understanding.understand(message, at, persona.zone(), dialogue);
    dialogue.heard(question, Remember.from(question.message()));
  }

  /** Sentiment of a text alone, e.g. for messages that are stored without a reply. */
  public Sentiment sentiment(String text) {
    return sentiment.score(text);
  }

  /** What the narrator is given: the message, the persona, the twin's own reply and the evidence rows. */
  private static Script script(TwinPersona persona, String message, String reply, List<Evidence> evidence) {
    BigFive t = persona.traits();
    Script.Speaker speaker = new Script.Speaker(persona.name(), persona.age(), persona.occupation(), t.openness(),
        t.conscientiousness(), t.extraversion(), t.agreeableness(), t.neuroticism(), persona.mood());
    return new Script(message, speaker, reply, evidence.stream().map(Evidence::rows).toList());
  }

  /** Supported intents by wire name, for documentation and clients. */
  public static List<String> intents() {
    return java.util.Arrays.stream(Intent.values()).map(Intent::wireName).toList();
  }
}
