package ai.digitaltwin.api.chat.understanding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The metric catalogue and the finder of metric names (and synonyms) in a message. */
public final class Metrics {
  private static final List<String> VITAL_MASK = List.of("heart", "rate");

  private final Map<String, Metric> byKey;
  /** Synonym phrases as token lists, longest first, so "heart rate variability" beats "heart rate". */
  private final List<Map.Entry<List<String>, Metric>> phrases;
  private final Set<String> synonymWords;

  private Metrics(Map<String, Metric> byKey) {
    this.byKey = byKey;
    List<Map.Entry<List<String>, Metric>> all = new ArrayList<>();
    for (Metric metric : byKey.values()) {
      for (String synonym : metric.synonyms()) {
        all.add(Map.entry(Arrays.asList(synonym.split(" ")), metric));
      }
    }
    all.sort(Comparator.comparingInt((Map.Entry<List<String>, Metric> e) -> -e.getKey().size()));
    this.phrases = List.copyOf(all);
    this.synonymWords = Set.copyOf(words());
  }

  public static Metrics load() {
    Map<String, Metric> byKey = new LinkedHashMap<>();
    for (String[] cells : Resources.tsv("chat/metrics.tsv", 9)) {
      Metric metric =
          new Metric(
              cells[0],
              List.of(cells[1].split(",")),
              cells[2],
              cells[3],
              cells[4],
              band(cells[5]),
              band(cells[6]),
              List.of(cells[7].split(",")),
              cells[8].equals("vital"));
      byKey.put(metric.key(), metric);
    }
    return new Metrics(byKey);
  }

  public Metric get(String key) {
    Metric metric = byKey.get(key);
    if (metric == null) {
      throw new IllegalArgumentException("Unknown metric: " + key);
    }
    return metric;
  }

  /** Every synonym word, for the spelling corrector's vocabulary. */
  List<String> words() {
    return phrases.stream().flatMap(e -> e.getKey().stream()).distinct().toList();
  }

  /** Metrics named in the (normalised, lower-case) tokens, in order of first mention, no repeats. */
  List<Metric> find(List<String> tokens) {
    List<Metric> found = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      Optional<Map.Entry<List<String>, Metric>> hit = matchAt(tokens, i);
      if (hit.isPresent()) {
        if (!found.contains(hit.get().getValue())) {
          found.add(hit.get().getValue());
        }
        i += hit.get().getKey().size();
      } else {
        i++;
      }
    }
    return found;
  }

  /**
   * The tokens with near-misses of metric phrases replaced by the phrase itself: "hart rate" becomes
   * "heart rate", "blod pressure" becomes "blood pressure". Only inside phrases of two or more words with
   * one word spelt right, and only for words of five letters or more (one edit), never a token that is
   * itself a synonym word: "ever" must not become "fever". Misspelt single words that are no English
   * word are the spelling corrector's job.
   */
  List<String> canonicalise(List<String> tokens) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      Optional<Map.Entry<List<String>, Metric>> hit = fuzzyMatchAt(tokens, i);
      if (hit.isPresent()) {
        out.addAll(hit.get().getKey());
        i += hit.get().getKey().size();
      } else {
        out.add(tokens.get(i));
        i++;
      }
    }
    return out;
  }

  /**
   * The tokens with every vital's name replaced by one and the same phrase, for intent recognition:
   * "is your temperature rising" and "is your pulse rising" are the same question, and without this the
   * metric word dominates the sentence embedding and pulls towards exemplars that share it.
   */
  List<String> maskVitals(List<String> tokens) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      Optional<Map.Entry<List<String>, Metric>> hit = matchAt(tokens, i);
      if (hit.isPresent() && hit.get().getValue().vital()) {
        out.addAll(VITAL_MASK);
        i += hit.get().getKey().size();
      } else {
        out.add(tokens.get(i));
        i++;
      }
    }
    return out;
  }

  private Optional<Map.Entry<List<String>, Metric>> matchAt(List<String> tokens, int at) {
    for (Map.Entry<List<String>, Metric> phrase : phrases) {
      List<String> words = phrase.getKey();
      if (at + words.size() <= tokens.size() && tokens.subList(at, at + words.size()).equals(words)) {
        return Optional.of(phrase);
      }
    }
    return Optional.empty();
  }

  private Optional<Map.Entry<List<String>, Metric>> fuzzyMatchAt(List<String> tokens, int at) {
    Optional<Map.Entry<List<String>, Metric>> exact = matchAt(tokens, at);
    if (exact.isPresent()) {
      return exact;
    }
    for (Map.Entry<List<String>, Metric> phrase : phrases) {
      List<String> words = phrase.getKey();
      if (words.size() < 2 || at + words.size() > tokens.size()) {
        continue;
      }
      boolean all = true;
      boolean anyExact = false;
      for (int k = 0; k < words.size() && all; k++) {
        String token = tokens.get(at + k);
        anyExact |= token.equals(words.get(k));
        all = close(token, words.get(k));
      }
      if (all && anyExact) {
        return Optional.of(phrase);
      }
    }
    return Optional.empty();
  }

  private boolean close(String token, String word) {
    if (token.equals(word)) {
      return true;
    }
    return word.length() >= 5
        && token.length() >= 4
        && !synonymWords.contains(token)
        && EditDistance.between(token, word, 1) <= 1;
  }

  private static Double band(String cell) {
    return cell.equals("-") ? null : Double.valueOf(cell);
  }
}
