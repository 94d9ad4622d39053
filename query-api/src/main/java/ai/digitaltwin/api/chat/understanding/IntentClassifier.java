package ai.digitaltwin.api.chat.understanding;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Intent by nearest exemplars in sentence-embedding space: every exemplar of {@code chat/intents.tsv}
 * is embedded once; a message scores each intent by the mean cosine similarity of its
 * {@value #TOP_K} closest exemplars of that intent. It is UNKNOWN when the best score is below
 * {@link #threshold}, or when the two best intents are closer than {@link #margin} and the best is not
 * clearly similar: better to say "I don't know" than to answer the wrong question with numbers.
 *
 * <p>Thread-safe: the exemplar vectors are immutable and the ONNX model may be called concurrently.
 */
final class IntentClassifier {
  static final int TOP_K = 2;

  record Exemplar(Intent intent, String topic, String text, float[] vector) {}

  /** @param topic the topic of the nearest exemplar of the chosen intent, or null */
  record Prediction(Intent intent, String topic, double confidence, Intent runnerUp, double runnerUpScore) {}

  private final EmbeddingModel model;
  private final List<Exemplar> exemplars;
  private final double threshold;
  private final double margin;

  IntentClassifier(EmbeddingModel model, List<Exemplar> exemplars, double threshold, double margin) {
    this.model = model;
    this.exemplars = List.copyOf(exemplars);
    this.threshold = threshold;
    this.margin = margin;
  }

  static IntentClassifier load(EmbeddingModel model, Normaliser normaliser, double threshold, double margin) {
    List<String[]> rows = Resources.tsv("chat/intents.tsv", 2);
    List<TextSegment> segments = new ArrayList<>();
    for (String[] row : rows) {
      segments.add(TextSegment.from(normaliser.normalise(row[1]).classifierText()));
    }
    var vectors = model.embedAll(segments).content();
    List<Exemplar> exemplars = new ArrayList<>();
    Map<Intent, Integer> counts = new EnumMap<>(Intent.class);
    for (int i = 0; i < rows.size(); i++) {
      String[] label = rows.get(i)[0].split("/", 2);
      Intent intent = Intent.parse(label[0]);
      counts.merge(intent, 1, Integer::sum);
      String topic = label.length > 1 ? label[1] : null;
      exemplars.add(new Exemplar(intent, topic, rows.get(i)[1], unit(vectors.get(i).vector())));
    }
    for (Intent intent : Intent.values()) {
      if (intent != Intent.CLARIFY && counts.getOrDefault(intent, 0) < 6) {
        throw new IllegalStateException(
            "Intent " + intent.wireName() + " needs at least 6 exemplars in chat/intents.tsv, has "
                + counts.getOrDefault(intent, 0));
      }
    }
    return new IntentClassifier(model, exemplars, threshold, margin);
  }

  Prediction classify(String normalisedText) {
    if (normalisedText.isBlank()) {
      return new Prediction(Intent.UNKNOWN, null, 0.0, Intent.UNKNOWN, 0.0);
    }
    float[] query = unit(model.embed(normalisedText).content().vector());
    Map<Intent, double[]> top = new EnumMap<>(Intent.class);
    Map<Intent, Exemplar> nearest = new EnumMap<>(Intent.class);
    Map<Intent, Double> nearestScore = new EnumMap<>(Intent.class);
    for (Exemplar exemplar : exemplars) {
      double similarity = dot(query, exemplar.vector());
      if (similarity > nearestScore.getOrDefault(exemplar.intent(), -2.0)) {
        nearestScore.put(exemplar.intent(), similarity);
        nearest.put(exemplar.intent(), exemplar);
      }
      double[] best = top.computeIfAbsent(exemplar.intent(), k -> new double[TOP_K]);
      insert(best, similarity);
    }
    Intent first = Intent.UNKNOWN;
    Intent second = Intent.UNKNOWN;
    double firstScore = -1;
    double secondScore = -1;
    for (Map.Entry<Intent, double[]> entry : top.entrySet()) {
      double score = mean(entry.getValue());
      if (score > firstScore) {
        second = first;
        secondScore = firstScore;
        first = entry.getKey();
        firstScore = score;
      } else if (score > secondScore) {
        second = entry.getKey();
        secondScore = score;
      }
    }
    double confidence = Math.max(0.0, Math.min(1.0, firstScore));
    boolean unsure = firstScore < threshold || (firstScore - secondScore < margin && firstScore < threshold + 0.15);
    Intent chosen = unsure ? Intent.UNKNOWN : first;
    String topic = unsure ? null : nearest.get(first).topic();
    return new Prediction(chosen, topic, round(confidence), second, round(secondScore));
  }

  private static void insert(double[] best, double value) {
    for (int i = 0; i < best.length; i++) {
      if (value > best[i]) {
        System.arraycopy(best, i, best, i + 1, best.length - i - 1);
        best[i] = value;
        return;
      }
    }
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  private static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / norm);
    }
    return out;
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static double round(double value) {
    return Math.round(value * 1000.0) / 1000.0;
  }
}
