package ai.digitaltwin.generator.person;

import ai.digitaltwin.generator.behavior.Activity;
import ai.digitaltwin.generator.common.Tsv;
import java.util.List;
import java.util.Locale;

/**
 * An occupation from {@code occupations.tsv}: how common it is, what fills its working hours, and how it
 * shifts traits (openness, conscientiousness, extraversion, agreeableness, neuroticism) and fitness.
 */
public record Occupation(String name, double weight, Activity worksAs, double[] traitShift, double fitnessShift) {
  public static final List<Occupation> ALL = load();

  /** The occupation of that name (case-insensitive), or an unknown one that works ordinary hours. */
  public static Occupation named(String name) {
    for (Occupation o : ALL) {
      if (o.name.equalsIgnoreCase(name)) {
        return o;
      }
    }
    return new Occupation(name, 0, Activity.WORK, new double[5], 0);
  }

  private static List<Occupation> load() {
    return Tsv.rows("occupations.tsv").stream()
        .map(
            r -> {
              double[] shift = new double[5];
              for (int i = 0; i < 5; i++) {
                shift[i] = Tsv.num(r, 3 + i);
              }
              Activity works = r[2].equals("none") ? null : Activity.valueOf(r[2].toUpperCase(Locale.ROOT));
              return new Occupation(r[0], Tsv.num(r, 1), works, shift, Tsv.num(r, 8));
            })
        .toList();
  }
}
