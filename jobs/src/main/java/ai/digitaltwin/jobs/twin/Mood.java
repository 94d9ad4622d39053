package ai.digitaltwin.jobs.twin;

/**
 * Mood from what the twin feels now (stress, energy), how it slept and what it says in chat.
 *
 * @param score -1..1
 * @param label stressed, tired, happy, content, neutral or low
 */
public record Mood(String label, double score) {
  public static Mood of(Double stress, Double energy, Double sleepHours, Double chatSentiment) {
    double s = stress == null ? 0.3 : stress;
    double e = energy == null ? 0.6 : energy;
    double sleep = sleepHours == null ? 0 : clamp((sleepHours - 7) / 2);
    double chat = chatSentiment == null ? 0 : chatSentiment;
    double score = clamp(0.35 * (2 * e - 1) - 0.35 * (2 * s - 1) + 0.15 * sleep + 0.15 * chat);
    score = Math.round(score * 1000) / 1000.0;
    String label;
    if (s > 0.75) {
      label = "stressed";
    } else if (e < 0.3) {
      label = "tired";
    } else if (score >= 0.3) {
      label = "happy";
    } else if (score >= 0.05) {
      label = "content";
    } else if (score <= -0.3) {
      label = "low";
    } else {
      label = "neutral";
    }
    return new Mood(label, score);
  }

  private static double clamp(double x) {
    return Math.max(-1, Math.min(1, x));
  }
}
