package ai.digitaltwin.reliability.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of measured values. */
public final class Percentiles {
  private Percentiles() {}

  /** The {@code p}-th percentile (0 < p ≤ 100) of {@code values}, or -1 when there are none. */
  public static long of(List<Long> values, double p) {
    if (values.isEmpty()) {
      return -1;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
