package ai.digitaltwin.bench.detection;

import java.util.Locale;

/**
 * The Wilson score interval of a proportion (95 %): how far a recall or precision measured on n episodes
 * may lie from the detectors' true one, which says whether n was large enough to mean anything.
 */
final class Wilson {
  private static final double Z = 1.96;

  private Wilson() {}

  static String interval(int successes, int n) {
    if (n == 0) {
      return "n/a";
    }
    double p = (double) successes / n;
    double z2 = Z * Z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
    return String.format(Locale.ROOT, "%.3f-%.3f", Math.max(0, centre - half), Math.min(1, centre + half));
  }
}
