package ai.digitaltwin.bench.report;

/**
 * One side of a comparison: what was measured, in which unit, and its samples.
 *
 * @param label what ran, e.g. "generator backfill" or "ProducerPerformance"
 * @param unit e.g. "records/s", "ms"
 */
public record Measure(String label, String unit, Samples samples) {
  public static Measure of(String label, String unit, double... values) {
    return new Measure(label, unit, Samples.of(values));
  }

  public double median() {
    return samples.median();
  }
}
