package ai.digitaltwin.generator;

/**
 * Maps real time to simulated time. A simulation behind the wall clock (a backfill, or a restart after
 * downtime) runs at full speed until it reaches "now"; from there simulated time advances {@code speed}
 * seconds per real second. Separate from the producing loop, which only asks how long to wait.
 */
final class Throttler {
  private final double speed;
  private final long anchorSimMillis;
  private final long anchorNanos;

  /**
   * @param positionMillis the simulated time already produced
   * @param wallMillis the wall clock now
   */
  Throttler(double speed, long positionMillis, long wallMillis, long nanoTime) {
    this.speed = speed;
    this.anchorSimMillis = Math.max(positionMillis, wallMillis);
    this.anchorNanos = nanoTime;
  }

  long simulatedNow(long nanoTime) {
    return anchorSimMillis + (long) ((nanoTime - anchorNanos) / 1e6 * speed);
  }

  /** Real milliseconds until simulated time reaches {@code simMillis} (0 if it already has). */
  long waitMillis(long simMillis, long nanoTime) {
    long ahead = simMillis - simulatedNow(nanoTime);
    return ahead <= 0 ? 0 : Math.max(1, (long) Math.ceil(ahead / speed));
  }
}
