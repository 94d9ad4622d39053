package ai.digitaltwin.generator.person;

import ai.digitaltwin.generator.common.Tsv;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/** The population's data files: trait norms, names, places, interests. Loaded once, read-only. */
final class Population {
  static final List<String[]> TRAITS = Tsv.rows("traits.tsv");
  static final Map<String, List<String>> NAMES =
      Tsv.rows("names.tsv").stream()
          .collect(Collectors.toMap(r -> r[0], r -> Arrays.asList(r[1].trim().split(" "))));
  static final List<String[]> PLACES = Tsv.rows("places.tsv");
  static final List<String[]> INTERESTS = Tsv.rows("interests.tsv");
  static final List<String> TRAIT_NAMES =
      List.of("openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism");

  private Population() {}

  static String pick(List<String> items, SplittableRandom r) {
    return items.get(r.nextInt(items.size()));
  }

  /** Index of a row chosen with probability proportional to {@code weights[i]}. */
  static int weighted(double[] weights, SplittableRandom r) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = r.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
