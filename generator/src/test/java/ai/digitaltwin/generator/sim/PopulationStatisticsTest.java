package ai.digitaltwin.generator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.generator.person.Person;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Statistics over a seeded population: what real people look like, not single values. */
class PopulationStatisticsTest {
  static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z"); // a Monday
  static final int TWINS = 240;
  static final int DAYS = 14;
  static final TwinStats stats = new TwinStats();
  static List<Person> people;

  @BeforeAll
  static void simulate() {
    people = PopulationRun.people(42, TWINS);
    stats.know(people);
    PopulationRun.run(people, PopulationRun.settings(42, T0.toEpochMilli(), 0), DAYS, stats);
  }

  @Test
  void nightHeartRateIsBelowDayHeartRateForAlmostEveryone() {
    long lower = people.stream().map(p -> stats.of(p.twinId()))
        .filter(s -> s.nightHr / s.night < s.dayHr / s.day).count();
    System.out.printf("night HR < day HR for %d of %d twins%n", lower, TWINS);
    assertThat(lower).isGreaterThanOrEqualTo((long) Math.ceil(0.95 * TWINS));
  }

  @Test
  void restingHeartRateByAgeGroupIsWithinAdultRanges() {
    Map<String, List<Double>> byGroup = new TreeMap<>();
    for (Person p : people) {
      TwinStats.Of s = stats.of(p.twinId());
      int age = p.profile().getAge();
      String group = age < 30 ? "18-29" : age < 45 ? "30-44" : age < 60 ? "45-59" : "60+";
      byGroup.computeIfAbsent(group, k -> new ArrayList<>()).add(s.leisureHr / s.leisure);
    }
    assertThat(byGroup).hasSize(4);
    byGroup.forEach((group, values) -> {
      double m = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      System.out.printf("resting (seated leisure) HR %s: mean %.1f over %d twins%n", group, m, values.size());
      assertThat(m).as("mean resting HR of %s", group).isBetween(60.0, 80.0);
      assertThat(values).allSatisfy(v -> assertThat(v).isBetween(40.0, 100.0));
    });
  }

  @Test
  void extravertsSocialiseMoreThanIntroverts() {
    List<Person> sorted = sortedBy(p -> p.personality().getExtraversion());
    ToDoubleFunction<Person> share = p -> (double) stats.of(p.twinId()).social / stats.of(p.twinId()).awake;
    double introverts = meanOf(sorted.subList(0, TWINS / 3), share);
    double extraverts = meanOf(sorted.subList(TWINS - TWINS / 3, TWINS), share);
    System.out.printf("social share of waking time: introverts %.3f, extraverts %.3f%n", introverts, extraverts);
    assertThat(extraverts).isGreaterThan(1.5 * introverts);
  }

  @Test
  void conscientiousTwinsWakeAtMoreRegularTimes() {
    List<Person> sorted = sortedBy(p -> p.personality().getConscientiousness());
    double loose = meanOf(sorted.subList(0, TWINS / 3), this::wakeVariance);
    double strict = meanOf(sorted.subList(TWINS - TWINS / 3, TWINS), this::wakeVariance);
    System.out.printf("weekday wake-time variance (h^2): low C %.2f, high C %.2f%n", loose, strict);
    assertThat(strict).isLessThan(0.6 * loose);
  }

  /** Variance of the local time of waking up on weekdays, in hours squared. */
  private double wakeVariance(Person p) {
    List<Double> wakes = stats.of(p.twinId()).weekdayWakeHours;
    assertThat(wakes).hasSizeGreaterThanOrEqualTo(5);
    double mean = wakes.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    return wakes.stream().mapToDouble(w -> (w - mean) * (w - mean)).sum() / (wakes.size() - 1);
  }

  private static List<Person> sortedBy(ToDoubleFunction<Person> key) {
    return people.stream().sorted(Comparator.comparingDouble(key)).toList();
  }

  private static double meanOf(List<Person> group, ToDoubleFunction<Person> f) {
    return group.stream().mapToDouble(f).average().orElseThrow();
  }
}
