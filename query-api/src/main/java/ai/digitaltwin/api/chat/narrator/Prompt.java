package ai.digitaltwin.api.chat.narrator;

import ai.digitaltwin.api.chat.understanding.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The narrator's two messages, from {@code chat/narrator.properties}: the system message plays the twin
 * (name, age, occupation, traits in words, mood), the user message carries the question, the twin's own
 * reply and the evidence rows (at most {@link #ROWS_PER_QUERY} of each query: a 30-day trend's hundreds of
 * rows would only slow a small local model down).
 */
final class Prompt {
  static final int ROWS_PER_QUERY = 20;
  /** The cut-offs of "high" and "low" for a trait, as the twin's own voice uses them. */
  private static final double HIGH = 0.6;
  private static final double LOW = 0.4;
  private static final String PATH = "chat/narrator.properties";

  private final Properties text;

  private Prompt(Properties text) {
    this.text = text;
  }

  static Prompt load() {
    return new Prompt(Resources.properties(PATH));
  }

  String system(Script.Speaker s) {
    List<String> about = new ArrayList<>();
    if (s.age() != null) {
      about.add(fill("about.age", Map.of("age", s.age().toString())));
    }
    if (s.occupation() != null && !s.occupation().isBlank()) {
      about.add(s.occupation());
    }
    return fill("system", Map.of("name", s.name(), "about", about.isEmpty() ? "" : ", " + String.join(", ", about),
        "character", character(s), "mood", s.mood() == null ? get("mood.unknown") : s.mood()));
  }

  String user(Script script) {
    return fill("user", Map.of("question", script.question(), "reply", script.reply(), "evidence",
        evidence(script.evidence())));
  }

  private String character(Script.Speaker s) {
    List<String> words = new ArrayList<>();
    trait(words, "openness", s.openness());
    trait(words, "conscientiousness", s.conscientiousness());
    trait(words, "extraversion", s.extraversion());
    trait(words, "agreeableness", s.agreeableness());
    trait(words, "neuroticism", s.neuroticism());
    return words.isEmpty() ? get("character.middle") : String.join(", ", words);
  }

  private void trait(List<String> words, String name, double value) {
    if (value >= HIGH) {
      words.add(get(name + ".high"));
    } else if (value <= LOW) {
      words.add(get(name + ".low"));
    }
  }

  private String evidence(List<List<Map<String, Object>>> queries) {
    List<String> lines = new ArrayList<>();
    for (List<Map<String, Object>> rows : queries) {
      rows.stream().limit(ROWS_PER_QUERY).forEach(row -> lines.add("- " + row));
      if (rows.size() > ROWS_PER_QUERY) {
        lines.add(fill("evidence.more", Map.of("n", String.valueOf(rows.size() - ROWS_PER_QUERY))));
      }
    }
    return lines.isEmpty() ? get("evidence.none") : String.join("\n", lines);
  }

  private String fill(String key, Map<String, String> values) {
    String out = get(key);
    for (Map.Entry<String, String> value : values.entrySet()) {
      out = out.replace("{" + value.getKey() + "}", value.getValue());
    }
    return out;
  }

  private String get(String key) {
    String value = text.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("No " + key + " in " + PATH);
    }
    return value;
  }
}
