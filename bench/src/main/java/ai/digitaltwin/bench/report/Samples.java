package ai.digitaltwin.bench.report;

import java.util.Arrays;
import java.util.List;

/**
 * Repeated measurements of one quantity, kept whole: the median is what a figure reports, min and max
 * show the spread between runs on a machine whose load drifts.
 */
public record Samples(List<Double> values) {
  public Samples {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException("samples must not be empty");
    }
    values = List.copyOf(values);
  }

  public static Samples of(double... values) {
    return new Samples(Arrays.stream(values).boxed().toList());
  }

  public static Samples of(List<Double> values) {
    return new Samples(values);
  }

  public double median() {
    double[] sorted = sorted();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The value below which {@code p} (0..1) of the samples lie, nearest-rank. */
  public double percentile(double p) {
    if (p < 0 || p > 1) {
      throw new IllegalArgumentException("percentile must be in 0..1, got " + p);
    }
    double[] sorted = sorted();
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  public double min() {
    return sorted()[0];
  }

  public double max() {
    double[] sorted = sorted();
    return sorted[sorted.length - 1];
  }

  public int count() {
    return values.size();
  }

  /** (max - min) / median: 0.1 means the runs spread over 10 % of the median. */
  public double spread() {
    double median = median();
    return median == 0 ? 0 : (max() - min()) / Math.abs(median);
  }

  private double[] sorted() {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return sorted;
  }
}
