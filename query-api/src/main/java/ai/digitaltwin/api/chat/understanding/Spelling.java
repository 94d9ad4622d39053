package ai.digitaltwin.api.chat.understanding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Corrects misspelt words towards the chat's own vocabulary ("yesturday" → "yesterday", "oxigen" →
 * "oxygen"). A word is left alone when it is an English word: the sentence model's WordPiece vocabulary
 * (shipped with the model) serves as the dictionary, so "slept" or "weather" are never "corrected" into
 * domain words. Corrections always land on a domain word (from the intent exemplars, metric synonyms and
 * time words), which is what the embedding and the time parser need to see.
 */
final class Spelling {
  private static final String MODEL_VOCABULARY = "all-minilm-l6-v2-q-tokenizer.json";

  private final Set<String> english;
  /** Domain words and how often the exemplars use them: ties in distance go to the commoner word. */
  private final Map<String, Integer> frequency;
  private final List<String> domain;

  Spelling(Set<String> english, Map<String, Integer> domainFrequency) {
    this.english = Set.copyOf(english);
    this.frequency = Map.copyOf(domainFrequency);
    this.domain = domainFrequency.keySet().stream().sorted().toList();
  }

  static Spelling load(Map<String, Integer> domainFrequency) {
    return new Spelling(modelVocabulary(), domainFrequency);
  }

  boolean known(String word) {
    return english.contains(word) || frequency.containsKey(word);
  }

  /** The word itself if known, not a word, or nothing close enough; else the closest domain word. */
  String correct(String word) {
    if (word.length() < 4 || !word.chars().allMatch(Character::isLetter) || known(word)) {
      return word;
    }
    int limit = word.length() <= 5 ? 1 : 2;
    String best = word;
    int bestDistance = limit + 1;
    for (String candidate : domain) {
      int distance = EditDistance.between(word, candidate, limit);
      if (distance < bestDistance
          || (distance == bestDistance && distance <= limit && better(word, candidate, best))) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** Ties go to the candidate sharing the first letter, then to the commoner word. */
  private boolean better(String word, String candidate, String current) {
    boolean candidateFirst = candidate.charAt(0) == word.charAt(0);
    boolean currentFirst = current.charAt(0) == word.charAt(0);
    if (candidateFirst != currentFirst) {
      return candidateFirst;
    }
    return frequency.getOrDefault(candidate, 0) > frequency.getOrDefault(current, 0);
  }

  private static Set<String> modelVocabulary() {
    try (InputStream in = Spelling.class.getClassLoader().getResourceAsStream(MODEL_VOCABULARY)) {
      if (in == null) {
        throw new IllegalStateException("Missing sentence-model vocabulary " + MODEL_VOCABULARY);
      }
      JsonNode vocab = new ObjectMapper().readTree(in).path("model").path("vocab");
      Set<String> words = new HashSet<>();
      for (Iterator<String> it = vocab.fieldNames(); it.hasNext(); ) {
        String piece = it.next();
        if (piece.length() > 1 && piece.chars().allMatch(Character::isLetter)) {
          words.add(piece);
        }
      }
      return words;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + MODEL_VOCABULARY, e);
    }
  }
}
