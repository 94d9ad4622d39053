package ai.digitaltwin.jobs.twin;

/**
 * Exponentially weighted mean and variance (West's incremental form). While fewer than {@code 1/alpha}
 * values were seen the weight is {@code 1/n}, so the first values give a plain average instead of being
 * dominated by the very first reading.
 *
 * <p>A mutable Flink POJO because it lives in keyed state and is updated once per event; copying a
 * record per reading would double the allocation of the hottest operator.
 */
public class Ewma {
  public double mean;
  public double variance;
  public long count;

  public Ewma() {}

  public static Ewma of(double mean, double variance, long count) {
    Ewma e = new Ewma();
    e.mean = mean;
    e.variance = variance;
    e.count = count;
    return e;
  }

  public void add(double value, double alpha) {
    count++;
    double weight = Math.max(alpha, 1.0 / count);
    double diff = value - mean;
    double increment = weight * diff;
    mean += increment;
    variance = (1 - weight) * (variance + diff * increment);
  }

  public double sd() {
    return Math.sqrt(Math.max(variance, 0));
  }

  /** Standard score of a value against this baseline, with {@code floor} as the smallest sd trusted. */
  public double z(double value, double floor) {
    return (value - mean) / Math.max(sd(), floor);
  }

  public boolean isEmpty() {
    return count == 0;
  }
}
