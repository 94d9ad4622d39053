package ai.digitaltwin.bench.realism;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Synthetic people next to real ones, statistic by statistic. Person-level: each person's median over
 * their days of the daily resting HR, daily steps (days of at least {@value #MIN_WEAR_STEPS} steps, a worn
 * device's floor) and sleep duration. Day-level: the night/day heart-rate ratio, the HR-steps slope and
 * the day-to-day resting-HR change. Each as a two-sample Kolmogorov-Smirnov distance, and a classifier's
 * held-out AUC on the day-level features together.
 */
public record Realism(List<Statistic> statistics, double auc, int realDays, int syntheticDays) {
  static final double MIN_WEAR_STEPS = 500;
  static final int MIN_PERSON_DAYS = 3;

  /** One statistic: its KS distance, sample sizes and medians on both sides. */
  public record Statistic(String name, String unit, double ks, int real, int synthetic, double realMedian,
      double syntheticMedian, double[] realDeciles, double[] syntheticDeciles) {}

  /**
   * @param real the minute-level recordings, by person
   * @param realDaily daily figures of other real people (resting pulse, steps), for the person-level statistics
   * @param synthetic the generator's people, by person
   */
  public static Realism compare(Map<String, List<PersonDay>> real, List<DaySummary> realDaily,
      Map<String, List<PersonDay>> synthetic) {
    Map<String, List<DaySummary>> r = summaries(real);
    Map<String, List<DaySummary>> s = summaries(synthetic);
    Map<String, List<DaySummary>> rAll = new TreeMap<>(r);
    for (DaySummary d : realDaily) {
      rAll.computeIfAbsent("daily:" + d.person(), k -> new ArrayList<>()).add(d);
    }
    List<Statistic> stats = new ArrayList<>();
    stats.add(statistic("resting HR (person median)", "bpm", personMedians(rAll, DaySummary::restingHr),
        personMedians(s, DaySummary::restingHr)));
    stats.add(statistic("daily steps (person median)", "steps", personMedians(rAll, Realism::wornSteps),
        personMedians(s, Realism::wornSteps)));
    stats.add(statistic("sleep duration (person median)", "h", personMedians(r, DaySummary::sleepHours),
        personMedians(s, DaySummary::sleepHours)));
    stats.add(statistic("night/day HR ratio (day)", "", days(r, DaySummary::nightDayRatio),
        days(s, DaySummary::nightDayRatio)));
    stats.add(statistic("HR-steps slope (day)", "bpm per step/min", days(r, DaySummary::hrStepsSlope),
        days(s, DaySummary::hrStepsSlope)));
    stats.add(statistic("day-to-day resting-HR change (day)", "bpm", days(r, DaySummary::restingHrChange),
        days(s, DaySummary::restingHrChange)));
    List<Classifier.Example> examples = new ArrayList<>();
    int realDays = examples(r, true, examples);
    int syntheticDays = examples(s, false, examples);
    return new Realism(stats, Classifier.heldOutAuc(examples), realDays, syntheticDays);
  }

  /** The day-level features the classifier sees. */
  static double[] features(DaySummary d) {
    return new double[] {d.restingHr(), d.nightDayRatio(), d.hrStepsSlope(), Math.log1p(d.steps()), d.restingHrChange()};
  }

  static double wornSteps(DaySummary d) {
    return d.steps() >= MIN_WEAR_STEPS ? d.steps() : Double.NaN;
  }

  static Map<String, List<DaySummary>> summaries(Map<String, List<PersonDay>> people) {
    Map<String, List<DaySummary>> out = new TreeMap<>();
    people.forEach((id, days) -> out.put(id, DayStatistics.of(days)));
    return out;
  }

  private static int examples(Map<String, List<DaySummary>> people, boolean real, List<Classifier.Example> out) {
    int n = 0;
    int person = 0;
    for (List<DaySummary> days : people.values()) {
      int fold = person++ % 2;
      for (DaySummary d : days) {
        double[] x = features(d);
        if (Arrays.stream(x).allMatch(Double::isFinite)) {
          out.add(new Classifier.Example(x, real, fold));
          n++;
        }
      }
    }
    return n;
  }

  static double[] personMedians(Map<String, List<DaySummary>> people, ToDoubleFunction<DaySummary> stat) {
    List<Double> medians = new ArrayList<>();
    for (List<DaySummary> days : people.values()) {
      double[] v = days.stream().mapToDouble(stat).filter(Double::isFinite).toArray();
      if (v.length >= MIN_PERSON_DAYS) {
        medians.add(DayStatistics.median(v));
      }
    }
    return medians.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The 10th, 25th, 50th, 75th and 90th percentiles (nearest rank). */
  static double[] deciles(double[] values) {
    double[] v = KolmogorovSmirnov.finite(values);
    double[] q = {0.1, 0.25, 0.5, 0.75, 0.9};
    double[] out = new double[q.length];
    for (int i = 0; i < q.length; i++) {
      out[i] = v.length == 0 ? Double.NaN : v[Math.min(v.length - 1, (int) Math.floor(q[i] * v.length))];
    }
    return out;
  }

  static double[] days(Map<String, List<DaySummary>> people, ToDoubleFunction<DaySummary> stat) {
    return people.values().stream().flatMap(List::stream).mapToDouble(stat).filter(Double::isFinite).toArray();
  }

  private static Statistic statistic(String name, String unit, double[] real, double[] synthetic) {
    return new Statistic(name, unit, KolmogorovSmirnov.distance(real, synthetic), real.length, synthetic.length,
        DayStatistics.median(real), DayStatistics.median(synthetic), deciles(real), deciles(synthetic));
  }
}
