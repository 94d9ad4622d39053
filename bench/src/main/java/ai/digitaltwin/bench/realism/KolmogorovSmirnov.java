package ai.digitaltwin.bench.realism;

import java.util.Arrays;

/** The two-sample Kolmogorov-Smirnov distance: the largest gap between two empirical distribution functions. */
public final class KolmogorovSmirnov {
  private KolmogorovSmirnov() {}

  /** sup |F_a(x) - F_b(x)| over x; NaN values are left out; NaN if either sample is empty. */
  public static double distance(double[] a, double[] b) {
    double[] x = finite(a);
    double[] y = finite(b);
    if (x.length == 0 || y.length == 0) {
      return Double.NaN;
    }
    int i = 0;
    int j = 0;
    double d = 0;
    while (i < x.length && j < y.length) {
      double v = Math.min(x[i], y[j]);
      while (i < x.length && x[i] <= v) {
        i++;
      }
      while (j < y.length && y[j] <= v) {
        j++;
      }
      d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
    }
    return d;
  }

  static double[] finite(double[] values) {
    double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
    Arrays.sort(v);
    return v;
  }
}
