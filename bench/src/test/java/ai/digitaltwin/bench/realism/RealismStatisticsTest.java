package ai.digitaltwin.bench.realism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statistics of the realism report on plain hand-made days and samples. */
class RealismStatisticsTest {
  static final LocalDate D0 = LocalDate.parse("2026-01-05");

  static PersonDay day(LocalDate date, float hr, int steps) {
    PersonDay d = PersonDay.empty("p", date);
    Arrays.fill(d.hr(), hr);
    Arrays.fill(d.steps(), steps);
    return d;
  }

  @Test
  void kolmogorovSmirnovIsTheLargestGapBetweenTheTwoDistributionFunctions() {
    assertThat(KolmogorovSmirnov.distance(new double[] {1, 2, 3}, new double[] {3, 2, 1})).isEqualTo(0);
    assertThat(KolmogorovSmirnov.distance(new double[] {1, 2}, new double[] {5, 6, 7})).isEqualTo(1);
    assertThat(KolmogorovSmirnov.distance(new double[] {1, 2, 3}, new double[] {2, 3, 4})).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(KolmogorovSmirnov.distance(new double[] {1, Double.NaN}, new double[] {1})).isEqualTo(0);
    assertThat(KolmogorovSmirnov.distance(new double[0], new double[] {1})).isNaN();
  }

  @Test
  void aucIsTheChanceARealDayScoresAboveASyntheticOne() {
    assertThat(Classifier.auc(new double[] {1, 2, 3, 4}, new boolean[] {false, false, true, true})).isEqualTo(1);
    assertThat(Classifier.auc(new double[] {1, 1, 1, 1}, new boolean[] {false, true, false, true})).isEqualTo(0.5);
    assertThat(Classifier.auc(new double[] {1, 3, 2, 4}, new boolean[] {false, false, true, true})).isEqualTo(0.75);
  }

  @Test
  void theClassifierSeparatesDaysThatDifferAndNotDaysThatDoNot() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(1);
    List<Classifier.Example> apart = new java.util.ArrayList<>();
    List<Classifier.Example> alike = new java.util.ArrayList<>();
    for (int i = 0; i < 400; i++) {
      boolean real = i % 2 == 0;
      int fold = (i / 2) % 2;
      apart.add(new Classifier.Example(new double[] {r.nextGaussian() + (real ? 2 : 0), r.nextGaussian()}, real, fold));
      alike.add(new Classifier.Example(new double[] {r.nextGaussian(), r.nextGaussian()}, real, fold));
    }
    assertThat(Classifier.heldOutAuc(apart)).isGreaterThan(0.85);
    assertThat(Classifier.heldOutAuc(alike)).isBetween(0.4, 0.6);
  }

  @Test
  void restingMinutesAreThoseWithoutStepsInTheTwelveMinutesBefore() {
    PersonDay d = day(D0, 60, 0);
    for (int m = 600; m < 1440; m += 10) { // a step every 10 minutes from 10:00: never 12 still minutes
      d.steps()[m] = 20;
    }
    for (int m = 600; m < 1440; m++) {
      d.hr()[m] = 90;
    }
    assertThat(DayStatistics.restingHr(d, null)).isEqualTo(60);
    assertThat(DayStatistics.steps(d)).isEqualTo(84 * 20);
  }

  @Test
  void nightDayRatioSlopeAndSleepFollowTheirDefinitions() {
    PersonDay before = day(D0, 70, 10);
    Arrays.fill(before.steps(), 20 * 60, 1440, 0); // still from 20:00
    PersonDay d = day(D0.plusDays(1), 50, 0);
    for (int m = 7 * 60; m < 24 * 60; m++) { // from 07:00, five minutes walking at 100 steps/min, five still
      boolean walking = m % 10 < 5;
      d.steps()[m] = walking ? 100 : 0;
      d.hr()[m] = walking ? 80 : 60; // 20 bpm more for 100 steps/min
    }
    d.steps()[3 * 60] = 15; // a trip at night, bridged
    assertThat(DayStatistics.sleepHours(d, before, true)).isEqualTo(11);
    assertThat(DayStatistics.hrStepsSlope(d)).isCloseTo(0.2, within(1e-9));
    assertThat(DayStatistics.nightDayRatio(d)).isCloseTo(50 / 70.0, within(1e-9));
    List<DaySummary> s = DayStatistics.of(List.of(before, d));
    assertThat(s.get(0).restingHr()).isEqualTo(70); // the evening's still minutes
    assertThat(s.get(1).restingHr()).isEqualTo(50); // the night's; five still minutes by day are not rest
    assertThat(s.get(1).restingHrChange()).isEqualTo(-20);
    assertThat(s.get(0).sleepHours()).isNaN(); // no night before the first day
  }

  @Test
  void aDayHalfWornSaysNothingOfTheWearer() {
    PersonDay d = day(D0, 60, 0);
    Arrays.fill(d.hr(), 0, 800, Float.NaN);
    DaySummary s = DayStatistics.summary(d, null, true);
    assertThat(s.restingHr()).isNaN();
    assertThat(s.steps()).isNaN();
  }
}
