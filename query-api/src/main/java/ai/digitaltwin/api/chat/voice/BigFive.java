package ai.digitaltwin.api.chat.voice;

/** Big Five personality traits, each in [0, 1]. */
public record BigFive(
    double openness,
    double conscientiousness,
    double extraversion,
    double agreeableness,
    double neuroticism) {
  public BigFive {
    check("openness", openness);
    check("conscientiousness", conscientiousness);
    check("extraversion", extraversion);
    check("agreeableness", agreeableness);
    check("neuroticism", neuroticism);
  }

  /** Middle of every scale: a voice with no leaning. */
  public static BigFive neutral() {
    return new BigFive(0.5, 0.5, 0.5, 0.5, 0.5);
  }

  private static void check(String trait, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException("Trait " + trait + " must be in [0, 1]: " + value);
    }
  }
}
