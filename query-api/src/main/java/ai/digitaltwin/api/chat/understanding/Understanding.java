package ai.digitaltwin.api.chat.understanding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.time.ZoneId;

/**
 * Message → {@link Question}. The sentence model decides the kind of question; the time expression then
 * separates the three ways of asking about vitals, which read alike to the model: a named past time turns
 * "what is my pulse" (HEALTH_NOW) into HISTORY, and a comparison of two periods turns these (and step counts) into TRENDS.
 * The message is then read against the earlier turns ({@link FollowUp}). Thread-safe once loaded.
 */
public final class Understanding {
  /** Below this similarity to any exemplar a message is not understood (UNKNOWN). */
  static final double THRESHOLD = 0.45;
  /** Two intents closer than this, with neither clearly matched, count as not understood. */
  static final double MARGIN = 0.02;

  private final Normaliser normaliser;
  private final IntentClassifier classifier;

  Understanding(Normaliser normaliser, IntentClassifier classifier) {
    this.normaliser = normaliser;
    this.classifier = classifier;
  }

  /** Words of time expressions, so that their misspellings are corrected too. */
  private static final String TIME_WORDS =
      "now today tonight yesterday tomorrow morning afternoon evening night midnight noon midday "
          + "minute minutes hour hours day days week weeks weekend month months year years ago last past "
          + "previous recently lately currently compared versus between january february march april may "
          + "june july august september october november december monday tuesday wednesday thursday "
          + "friday saturday sunday";

  /**
   * Loads the sentence model (all-MiniLM-L6-v2, quantised, in-process), the metrics, spelling and
   * exemplars, and embeds the exemplars: a second or two, so call once and share the result.
   */
  public static Understanding load() {
    keepTokenizerOffline();
    return load(new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run), THRESHOLD, MARGIN);
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

  /** Loads metrics, spelling and exemplars and embeds the exemplars with {@code model}. */
  static Understanding load(EmbeddingModel model, double threshold, double margin) {
    Metrics metrics = Metrics.load();
    Map<String, Integer> domain = new HashMap<>();
    for (String word : metrics.words()) {
      domain.merge(word, 1, Integer::sum);
    }
    for (String word : TIME_WORDS.split(" ")) {
      domain.merge(word, 1, Integer::sum);
    }
    for (String[] row : Resources.tsv("chat/intents.tsv", 2)) {
      for (String word : Normaliser.tokens(row[1])) {
        domain.merge(word, 1, Integer::sum);
      }
    }
    Normaliser normaliser = new Normaliser(Spelling.load(domain), metrics);
    return new Understanding(normaliser, IntentClassifier.load(model, normaliser, threshold, margin));
  }

  /**
   * {@code raw} as a question asked at {@code now} in {@code zone}, read against what came {@code earlier}
   * in its conversation: "and yesterday?" asks the last question again for yesterday.
   */
  public Question understand(String raw, Instant now, ZoneId zone, Earlier earlier) {
    return FollowUp.resolve(understand(raw, now, zone), earlier);
  }

  /** {@code raw} on its own, before it is read against the conversation. */
  Question understand(String raw, Instant now, ZoneId zone) {
    Message message = normaliser.normalise(raw);
    IntentClassifier.Prediction prediction = classifier.classify(message.classifierText());
    Timeframe time = TimeParser.parse(message.text(), now, zone);
    Intent intent = refine(prediction.intent(), time);
    return new Question(message, intent, prediction.intent(), prediction.topic(), prediction.confidence(), message.metrics(), time, now);
  }

  static Intent refine(Intent intent, Timeframe time) {
    boolean measured = intent == Intent.HEALTH_NOW || intent == Intent.HISTORY || intent == Intent.ACTIVITY;
    if (measured && time.comparison()) {
      return Intent.TRENDS;
    }
    if (intent == Intent.HEALTH_NOW && time.named()) {
      return Intent.HISTORY;
    }
    if (intent == Intent.HISTORY && !time.named()) {
      return Intent.HEALTH_NOW;
    }
    return intent;
  }
}
