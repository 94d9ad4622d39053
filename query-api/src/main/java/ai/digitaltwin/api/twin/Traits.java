package ai.digitaltwin.api.twin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Big Five, each in [0, 1], as a registry or state row holds them; a trait not set yet (an imported
 * twin before its questionnaire) is null. Written out as the five, each named whether null or not.
 */
public record Traits(
    Double openness, Double conscientiousness, Double extraversion, Double agreeableness, Double neuroticism) {
  /**
   * Whether the row had traits at all: the stream job and the registry write the five together, so the
   * first one stands for them (as every reader of these rows has always checked it).
   */
  public boolean known() {
    return openness != null;
  }

  /** Trait name to value, in the order above (null values kept). */
  public Map<String, Double> byName() {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("openness", openness);
    out.put("conscientiousness", conscientiousness);
    out.put("extraversion", extraversion);
    out.put("agreeableness", agreeableness);
    out.put("neuroticism", neuroticism);
    return out;
  }
}
