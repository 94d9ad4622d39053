package ai.digitaltwin.jobs.backtest;

/**
 * An episode to score, detected or true, in epoch milliseconds.
 *
 * @param detectedAt when the detector said so (for ground truth: its start)
 */
public record Episode(String twinId, String type, long start, long end, long detectedAt) {
  /** True when the two overlap, allowing {@code slack} on either side. */
  boolean overlaps(Episode other, long slack) {
    return twinId.equals(other.twinId) && start <= other.end + slack && other.start <= end + slack;
  }
}
