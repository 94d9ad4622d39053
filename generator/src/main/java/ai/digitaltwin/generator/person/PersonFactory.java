package ai.digitaltwin.generator.person;

import static ai.digitaltwin.generator.common.Seeds.clamp;
import static ai.digitaltwin.generator.common.Seeds.gaussian;

import ai.digitaltwin.generator.common.Seeds;
import ai.digitaltwin.generator.vitals.Physiology;
import ai.digitaltwin.schemas.Personality;
import ai.digitaltwin.schemas.Profile;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws people: a profile, Big Five traits shaped by age and occupation, and a health baseline shaped by
 * age, sex and fitness. Every draw comes from the twin's own seed, so a twin is the same in every run.
 */
public final class PersonFactory {
  private static final int PROFILE = 1;
  private static final int TRAITS = 2;
  private static final int BASELINE = 3;

  private PersonFactory() {}

  /** The demo twins: {@code demo-001}, {@code demo-002}, ...; the first is the original's demo person. */
  public static Person demo(int index, long globalSeed) {
    String id = String.format("demo-%03d", index + 1);
    long seed = Seeds.twin(globalSeed, id);
    if (index > 0) {
      return random(id, seed);
    }
    Profile profile =
        new Profile("Demo Digital Twin", 30, "other", "Software Engineer",
            List.of("technology", "reading", "hiking"), "UTC");
    return of(id, seed, profile, traits(profile, seed));
  }

  /** A new random person. */
  public static Person random(String twinId, long seed) {
    SplittableRandom r = Seeds.at(seed, -1, PROFILE);
    String sex = r.nextDouble() < 0.49 ? "female" : (r.nextDouble() < 0.96 ? "male" : "other");
    String name = Population.pick(Population.NAMES.get(sex), r) + " " + Population.pick(Population.NAMES.get("family"), r);
    int age = (int) clamp(Math.round(gaussian(r, 42, 15)), 18, 90);
    Occupation occupation = occupation(age, r);
    String zone = Population.PLACES.get(Population.weighted(column(Population.PLACES, 1), r))[0];
    Profile profile = new Profile(name, age, sex, occupation.name(), List.of(), zone);
    Personality personality = traits(profile, seed);
    profile.setInterests(interests(personality, r));
    return of(twinId, seed, profile, personality);
  }

  /** A person with a given profile and personality (a registry create or edit); the baseline is drawn. */
  public static Person of(String twinId, long seed, Profile profile, Personality personality) {
    Occupation occupation = Occupation.named(profile.getOccupation());
    return new Person(twinId, seed, profile, personality, baseline(profile, personality, occupation, seed),
        occupation, zone(profile.getTimezone()));
  }

  static Personality traits(Profile profile, long seed) {
    SplittableRandom r = Seeds.at(seed, -1, TRAITS);
    double[] shift = Occupation.named(profile.getOccupation()).traitShift();
    double decades = (profile.getAge() - 30) / 10.0;
    double[] t = new double[5];
    for (int i = 0; i < 5; i++) {
      String[] norm = Population.TRAITS.get(i);
      double v = gaussian(r, Double.parseDouble(norm[1]), Double.parseDouble(norm[2]));
      t[i] = clamp(v + decades * Double.parseDouble(norm[3]) + shift[i], 0.02, 0.98);
    }
    return new Personality(t[0], t[1], t[2], t[3], t[4]);
  }

  static Baseline baseline(Profile p, Personality t, Occupation occupation, long seed) {
    SplittableRandom r = Seeds.at(seed, -1, BASELINE);
    int age = p.getAge();
    boolean female = p.getSex().equals("female");
    double fitness = clamp(gaussian(r, 0.5, 0.17) + 0.25 * (t.getConscientiousness() - 0.5)
        + occupation.fitnessShift() - 0.004 * (age - 30), 0.02, 0.98);
    double restingHr = clamp(gaussian(r, Physiology.value("baseline_resting_hr_mean"), Physiology.value("baseline_resting_hr_sd"))
        - 16 * (fitness - 0.5) + (female ? Physiology.value("baseline_resting_hr_female") : 0), 48, 100);
    double systolic = clamp(gaussian(r, 113, 7) + 0.45 * (age - 30) + (female ? -4 : 2) - 6 * (fitness - 0.5), 95, 150);
    double diastolic = clamp(gaussian(r, 73, 5) + 0.2 * Math.min(age - 30, 30), 58, 95);
    double spo2 = clamp(gaussian(r, 97.8, 0.5) - 0.015 * (age - 30), 95, 99.5);
    double temp = clamp(gaussian(r, 36.6, 0.15), 36.1, 37.1);
    double resp = clamp(gaussian(r, 14, 1.5), 11, 19);
    double hrv = Math.max(12, (68 - 0.8 * (age - 20)) * (0.75 + 0.5 * fitness) * Math.exp(gaussian(r, 0, 0.2)));
    double sleep = clamp(gaussian(r, Physiology.value("baseline_sleep_hours"), Physiology.value("baseline_sleep_sd"))
        - 0.01 * (age - 30), 5, 9.5);
    double wake = clamp(gaussian(r, 6.9, 0.6) - 0.02 * (age - 40) + 0.5 * (t.getOpenness() - 0.5)
        - 0.8 * (t.getConscientiousness() - 0.5), 4.5, 10);
    // fitter people walk more; the rest of the spread is habit, occupation and circumstance
    double activeness = Math.exp(gaussian(r, 0, Physiology.value("baseline_steps_log_sd")) + 0.8 * (fitness - 0.5));
    return new Baseline(restingHr, systolic, diastolic, spo2, temp, resp, hrv, sleep, wake, fitness, activeness);
  }

  private static Occupation occupation(int age, SplittableRandom r) {
    List<Occupation> all = Occupation.ALL;
    double[] w = new double[all.size()];
    for (int i = 0; i < w.length; i++) {
      String name = all.get(i).name();
      boolean retired = name.equals("Retired");
      boolean student = name.equals("Student");
      double fit = retired ? (age >= 65 ? 30 : 0.2) : (age >= 67 ? 0.1 : 1);
      w[i] = all.get(i).weight() * fit * (student ? (age <= 26 ? 6 : 0.1) : 1);
    }
    return all.get(Population.weighted(w, r));
  }

  private static List<String> interests(Personality t, SplittableRandom r) {
    double[] traits = {t.getOpenness(), t.getConscientiousness(), t.getExtraversion(),
        t.getAgreeableness(), t.getNeuroticism()};
    List<String> chosen = new ArrayList<>();
    for (String[] row : Population.INTERESTS) {
      double likelihood = 0.1 + 0.35 * traits[Population.TRAIT_NAMES.indexOf(row[1])];
      if (r.nextDouble() < likelihood) {
        chosen.add(row[0]);
      }
    }
    return chosen;
  }

  private static double[] column(List<String[]> rows, int column) {
    return rows.stream().mapToDouble(row -> Double.parseDouble(row[column])).toArray();
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC; // an unknown zone from the API: simulate in UTC rather than drop the twin
    }
  }
}
