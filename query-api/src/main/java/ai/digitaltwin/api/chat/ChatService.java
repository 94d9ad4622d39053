package ai.digitaltwin.api.chat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks as a twin: understands a message (intent, metrics, time), answers it from the twin's data with
 * parameterised SQL, and says the figures that came back in the twin's own voice. Create once (loading
 * the sentence model and embedding the exemplars takes a second or two), then call {@link #reply} from
 * any number of threads.
 */
public final class ChatService {
  /** Below this similarity to any exemplar a message is not understood (UNKNOWN). */
  public static final double THRESHOLD = 0.45;
  /** Two intents closer than this, with neither clearly matched, count as not understood. */
  public static final double MARGIN = 0.02;

  private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);

  private final SqlRunner sql;
  private final Understanding understanding;
  private final Metrics metrics;
  private final Phrases phrases;
  private final Voice voice;
  private final SentimentScorer sentiment;

  private ChatService(SqlRunner sql, Understanding understanding, Metrics metrics, Phrases phrases, Voice voice,
      SentimentScorer sentiment) {
    this.sql = sql;
    this.understanding = understanding;
    this.metrics = metrics;
    this.phrases = phrases;
    this.voice = voice;
    this.sentiment = sentiment;
  }

  /** Loads the model and the chat's data files; queries go through {@code sql}. */
  public static ChatService create(SqlRunner sql) {
    Objects.requireNonNull(sql, "sql");
    long start = System.nanoTime();
    keepTokenizerOffline();
    Understanding understanding =
        Understanding.load(new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run), THRESHOLD, MARGIN);
    ChatService service = new ChatService(sql, understanding, Metrics.load(), Phrases.load(), Voice.load(),
        SentimentScorer.load());
    LOG.info("Chat ready in {} ms", (System.nanoTime() - start) / 1_000_000);
    return service;
  }

  /**
   * The model's tokenizer library (DJL) reports usage to a remote address and looks up cloud instance
   * metadata (169.254.169.254) on load unless told not to; the API sends nothing off the machine, and the
   * model and its native library are inside the jars, so it also never needs to download anything.
   */
  private static void keepTokenizerOffline() {
    if (System.getProperty("OPT_OUT_TRACKING") == null) {
      System.setProperty("OPT_OUT_TRACKING", "true");
    }
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
  }

  /**
   * Answers {@code message} as {@code persona}, with "now" (for "yesterday", "right now") at {@code now}.
   *
   * @throws IllegalArgumentException if the message is null or blank
   */
  public ChatReply reply(TwinPersona persona, String message, Instant now) {
    long start = System.nanoTime();
    Objects.requireNonNull(persona, "persona");
    Objects.requireNonNull(now, "now");
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("Message must not be blank");
    }
    ChatReply.Sentiment feeling = sentiment.score(message);
    long felt = System.nanoTime();
    Question question = understanding.understand(message, now, persona.zone());
    long understood = System.nanoTime();
    Lookup lookup = new Lookup(sql, persona.twinId());
    Context context = new Context(question, persona, lookup, phrases, metrics);
    String text;
    long answered = understood;
    try {
      Answer answer = answer(context);
      answered = System.nanoTime();
      text = voice.speak(persona, question.intent(), answer, message);
    } catch (RuntimeException e) {
      LOG.warn("Chat query failed for twin {} ({}): {}", persona.twinId(), question.intent().wireName(), e.toString());
      text = phrases.get("error");
    }
    long end = System.nanoTime();
    long elapsedMs = (end - start) / 1_000_000;
    LOG.debug("reply {}: sentiment {} µs, understanding {} µs, {} queries {} µs, voice {} µs",
        question.intent().wireName(), (felt - start) / 1000, (understood - felt) / 1000, lookup.evidence().size(),
        (answered - understood) / 1000, (end - answered) / 1000);
    return new ChatReply(text, question.intent().wireName(), question.confidence(), feeling, lookup.evidence(),
        persona.mood(), elapsedMs);
  }

  /** Sentiment of a text alone, e.g. for messages that are stored without a reply. */
  public ChatReply.Sentiment sentiment(String text) {
    return sentiment.score(text);
  }

  /** Supported intents by wire name, for documentation and clients. */
  public static List<String> intents() {
    return java.util.Arrays.stream(Intent.values()).map(Intent::wireName).toList();
  }

  private static Answer answer(Context ctx) {
    return switch (ctx.question().intent()) {
      case HEALTH_NOW -> Vitals.now(ctx);
      case HISTORY -> Vitals.history(ctx);
      case TRENDS -> Trends.answer(ctx);
      case SLEEP -> Sleep.answer(ctx);
      case ACTIVITY -> Activity.answer(ctx);
      case MOOD -> MoodFacts.answer(ctx);
      case PERSONALITY -> PersonalityFacts.answer(ctx);
      case ANOMALIES -> Anomalies.answer(ctx);
      case SMALL_TALK -> Conversation.smallTalk(ctx);
      case HELP -> Conversation.help(ctx);
      case UNKNOWN -> Conversation.unknown(ctx);
    };
  }
}
