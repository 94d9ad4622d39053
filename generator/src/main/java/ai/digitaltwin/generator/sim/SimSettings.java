package ai.digitaltwin.generator.sim;

/**
 * What shapes a simulation's history besides its twins. Two simulations with equal settings and the same
 * registry changes at the same ticks emit identical events.
 *
 * @param startMillis simulated time of tick 0
 * @param anomalyRate multiplier of the rates in {@code anomalies.tsv}
 * @param lateRate share of health events held back 1-10 ticks (late and out of order)
 * @param duplicateRate share of health events sent twice (same event id)
 * @param behaviorStepTicks a behaviour step event every this many ticks (0: none)
 */
public record SimSettings(
    long seed,
    long startMillis,
    int intervalSeconds,
    double anomalyRate,
    double lateRate,
    double duplicateRate,
    int behaviorStepTicks) {

  public long tickMillis(long tick) {
    return startMillis + tick * intervalSeconds * 1000L;
  }

  public double minutes() {
    return intervalSeconds / 60.0;
  }
}
