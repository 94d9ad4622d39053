package ai.digitaltwin.api.chat;

import ai.digitaltwin.api.chat.understanding.Sentiment;
import ai.digitaltwin.api.chat.understanding.SentimentScorer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Voice metrics over the replies of an evaluation run, per twin in the order spoken: the most replies
 * among any 20 consecutive ones that open with the same three words; the largest share of replies that
 * carry one and the same sentence without figures (a stock sentence); the replies to negative messages
 * that the sentiment model scores positive; and how well a naive Bayes classifier on the reply text
 * alone (trained on every other message, tested on the rest) tells the twins apart.
 */
final class VoiceMetrics {
  record Said(String message, ChatReply reply) {}

  private final StringBuilder report = new StringBuilder();
  private int maxSameOpening;
  private double maxStockShare;
  private final List<String> positiveToNegative = new ArrayList<>();
  private double classifierAccuracy;

  static VoiceMetrics of(Map<String, List<Said>> byTwin, SentimentScorer sentiment) {
    VoiceMetrics m = new VoiceMetrics();
    for (Map.Entry<String, List<Said>> twin : byTwin.entrySet()) {
      List<Said> said = twin.getValue();
      int same = m.sameOpenings(said);
      Map.Entry<String, Double> stock = stock(said);
      int negatives = 0;
      for (Said s : said) {
        if (s.reply().sentiment().label().equals("negative")) {
          negatives++;
          Sentiment answer = sentiment.score(s.reply().reply());
          if (answer.label().equals("positive")) {
            m.positiveToNegative.add(twin.getKey() + ": \"" + s.message() + "\" -> (" + answer.score() + ") " + s.reply().reply());
          }
        }
      }
      m.maxSameOpening = Math.max(m.maxSameOpening, same);
      m.maxStockShare = Math.max(m.maxStockShare, stock.getValue());
      m.report.append(String.format(Locale.ROOT, "%s: %d replies; at most %d of 20 consecutive open alike (\"%s\"); "
          + "most frequent sentence without figures in %.1f %% of replies (\"%s\"); %d negative messages%n",
          twin.getKey(), said.size(), same, m.worstOpening, stock.getValue() * 100, stock.getKey(), negatives));
    }
    m.classifierAccuracy = classify(byTwin);
    m.report.append(String.format(Locale.ROOT, "replies to negative messages scored positive: %d%n", m.positiveToNegative.size()));
    m.positiveToNegative.forEach(p -> m.report.append("  ").append(p).append('\n'));
    m.report.append(String.format(Locale.ROOT, "twin told apart from reply text alone: %.1f %%%n", m.classifierAccuracy * 100));
    return m;
  }

  private String worstOpening = "";

  private int sameOpenings(List<Said> said) {
    int worst = 0;
    for (int i = 0; i < said.size(); i++) {
      Map<String, Integer> counts = new HashMap<>();
      for (int j = i; j < Math.min(said.size(), i + 20); j++) {
        String key = opening(said.get(j).reply().reply());
        int n = counts.merge(key, 1, Integer::sum);
        if (n > worst) {
          worst = n;
          worstOpening = key + "\", e.g. \"" + said.get(j).reply().reply();
        }
      }
    }
    return worst;
  }

  /**
   * The first three words, lower case, without punctuation: what a reply "opens with". Stated here rather
   * than taken from the voice, so that the measure does not move with the code it measures.
   */
  private static String opening(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}' ]", " ").trim().split("\\s+");
    return String.join(" ", java.util.Arrays.copyOf(words, Math.min(3, words.length)));
  }

  private static Map.Entry<String, Double> stock(List<Said> said) {
    Map<String, Integer> replies = new HashMap<>();
    for (Said s : said) {
      Set<String> sentences = new HashSet<>();
      for (String sentence : s.reply().reply().split("(?<=[.!?])\\s+")) {
        if (!sentence.isBlank() && !sentence.matches(".*\\d.*")) {
          sentences.add(sentence.strip());
        }
      }
      sentences.forEach(x -> replies.merge(x, 1, Integer::sum));
    }
    return replies.entrySet().stream().max(Map.Entry.comparingByValue())
        .map(e -> Map.entry(e.getKey(), (double) e.getValue() / said.size())).orElse(Map.entry("", 0.0));
  }

  /** Multinomial naive Bayes over words and punctuation marks, add-one smoothing. */
  private static double classify(Map<String, List<Said>> byTwin) {
    List<String> twins = new ArrayList<>(byTwin.keySet());
    Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    Map<String, Integer> totals = new HashMap<>();
    Set<String> vocabulary = new HashSet<>();
    for (String twin : twins) {
      List<Said> said = byTwin.get(twin);
      Map<String, Integer> c = counts.computeIfAbsent(twin, k -> new HashMap<>());
      for (int i = 0; i < said.size(); i += 2) {
        for (String token : tokens(said.get(i).reply().reply())) {
          c.merge(token, 1, Integer::sum);
          totals.merge(twin, 1, Integer::sum);
          vocabulary.add(token);
        }
      }
    }
    int right = 0;
    int tested = 0;
    for (String twin : twins) {
      List<Said> said = byTwin.get(twin);
      for (int i = 1; i < said.size(); i += 2) {
        String best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (String candidate : twins) {
          double score = 0;
          for (String token : tokens(said.get(i).reply().reply())) {
            score += Math.log((counts.get(candidate).getOrDefault(token, 0) + 1.0)
                / (totals.getOrDefault(candidate, 0) + vocabulary.size()));
          }
          if (score > bestScore) {
            bestScore = score;
            best = candidate;
          }
        }
        tested++;
        right += twin.equals(best) ? 1 : 0;
      }
    }
    return tested == 0 ? 0 : (double) right / tested;
  }

  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (String t : text.toLowerCase(Locale.ROOT).split("(?=[!?,.:])|\\s+")) {
      String token = t.strip();
      if (!token.isEmpty() && !token.matches(".*\\d.*")) {
        out.add(token);
      }
    }
    return out;
  }

  String report() {
    return report.toString();
  }

  int maxSameOpeningIn20() {
    return maxSameOpening;
  }

  double maxStockShare() {
    return maxStockShare;
  }

  List<String> positiveRepliesToNegative() {
    return positiveToNegative;
  }

  double classifierAccuracy() {
    return classifierAccuracy;
  }
}
