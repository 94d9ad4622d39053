package ai.digitaltwin.bench.report;

import java.util.List;

/**
 * One row of the benchmark: a figure, its reference measured in the same run, the ratio and the goals.
 * A figure that could not be measured says why ({@link #unavailable}) instead of showing a number.
 *
 * @param reference null when the figure has no reference (a wall time, a peak RSS)
 * @param note what was measured exactly, and what a quick run did smaller
 */
public record Figure(String name, Measure value, Measure reference, List<Goal> goals, String note, String unavailable) {
  public Figure {
    goals = List.copyOf(goals);
  }

  public static Figure of(String name, Measure value, Measure reference, String note, Goal... goals) {
    return new Figure(name, value, reference, List.of(goals), note, null);
  }

  public static Figure unavailable(String name, String why, Goal... goals) {
    return new Figure(name, null, null, List.of(goals), null, why);
  }

  public boolean available() {
    return unavailable == null;
  }

  /** value / reference, medians; null without a reference. */
  public Double ratio() {
    if (!available() || reference == null || reference.median() == 0) {
      return null;
    }
    return value.median() / reference.median();
  }

  /** True only if measured and every goal is met. */
  public boolean met() {
    return available() && goals.stream().allMatch(g -> g.met(this));
  }
}
