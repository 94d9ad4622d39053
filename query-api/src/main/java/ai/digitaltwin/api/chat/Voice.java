package ai.digitaltwin.api.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Speaks an {@link Answer} in the twin's voice, from {@code chat/voice.tsv}: extraversion picks the
 * opener (and exclamation), neuroticism how worried the appraisal sounds, conscientiousness whether it
 * vouches for its figures, agreeableness the warmth of the closing, the current mood a preamble. The
 * facts pass through unchanged, so two twins state the same numbers in different words.
 */
final class Voice {
  static final double HIGH = 0.6;
  static final double LOW = 0.4;
  static final double MOOD_SWING = 0.3;

  private final Map<String, List<String>> variants;

  private Voice(Map<String, List<String>> variants) {
    this.variants = variants;
  }

  static Voice load() {
    Map<String, List<String>> variants = new HashMap<>();
    for (String[] row : Resources.tsv("chat/voice.tsv", 3)) {
      if (row[2].chars().anyMatch(Character::isDigit)) {
        throw new IllegalStateException("chat/voice.tsv: a voice template must carry no figures: " + row[2]);
      }
      variants.computeIfAbsent(row[0] + "." + row[1], k -> new ArrayList<>()).add(row[2].equals("-") ? "" : row[2]);
    }
    return new Voice(Map.copyOf(variants));
  }

  String speak(TwinPersona persona, Intent intent, Answer answer, String message) {
    BigFive t = persona.traits();
    List<String> parts = new ArrayList<>();
    String seed = persona.twinId() + "|" + message;
    if (persona.moodScore() <= -MOOD_SWING) {
      parts.add(pick("mood.low", seed));
    } else if (persona.moodScore() >= MOOD_SWING) {
      parts.add(pick("mood.high", seed));
    }
    boolean outgoing = t.extraversion() >= HIGH;
    if (intent.factual() || intent == Intent.HELP) {
      parts.add(pick("opener." + (outgoing ? "outgoing" : t.extraversion() <= LOW ? "reserved" : "balanced"), seed));
    }
    List<String> facts = new ArrayList<>(answer.facts());
    if (outgoing && !facts.isEmpty() && facts.get(0).endsWith(".")) {
      String first = facts.get(0);
      facts.set(0, first.substring(0, first.length() - 1) + "!");
    }
    parts.addAll(facts);
    String worry = t.neuroticism() >= HIGH ? "anxious" : t.neuroticism() <= LOW ? "calm" : "steady";
    switch (answer.assessment()) {
      case CONCERN -> parts.add(pick("concern." + worry, seed));
      case NORMAL -> parts.add(pick("normal." + worry, seed));
      case NO_DATA -> parts.add(pick("nodata." + worry, seed));
      case INFO, NONE -> { }
    }
    boolean vouched = answer.assessment() == Answer.Assessment.NORMAL || answer.assessment() == Answer.Assessment.CONCERN
        || answer.assessment() == Answer.Assessment.INFO;
    if (vouched && t.conscientiousness() >= HIGH) {
      parts.add(pick("detail.precise", seed));
    } else if (vouched && t.conscientiousness() <= LOW) {
      parts.add(pick("detail.casual", seed));
    }
    if (t.agreeableness() >= HIGH) {
      parts.add(pick("closer.warm", seed));
    } else if (t.agreeableness() <= LOW) {
      parts.add(pick("closer.cool", seed));
    }
    return String.join(" ", parts.stream().filter(p -> !p.isBlank()).toList());
  }

  /** A variant chosen by the message: varied across messages, the same for the same message. */
  private String pick(String key, String seed) {
    List<String> options = variants.get(key);
    if (options == null || options.isEmpty()) {
      throw new IllegalStateException("chat/voice.tsv has no line for " + key);
    }
    return options.get(Math.floorMod((seed + "|" + key).hashCode(), options.size()));
  }
}
