package ai.digitaltwin.jobs.anomaly;

/**
 * Heart rate that recent effort still explains. After exertion the heart slows back to its resting rate
 * over minutes (heart-rate recovery: a fast phase in the first minute, a slow one over tens of minutes),
 * so the first minutes at a desk after a run show a rate that is high for the desk but falling. The
 * envelope remembers the last accepted (non-alerting) rate and lets its excess over the current
 * activity's baseline decay with {@link #TAU_MINUTES} from one reading to the next; a rate under it is
 * recovery, not tachycardia. A
 * tachycardia from rest starts far above it; one that began during exercise stays high while the
 * envelope falls away, and alerts within minutes.
 */
final class Recovery {
  /** Slow-phase time constant of heart-rate recovery: generous, so that only a rate not falling alerts. */
  static final double TAU_MINUTES = 15;

  private Recovery() {}

  /** The highest rate recent effort explains at {@code ts}, or negative infinity when none does. */
  static double explained(DetectorState s, double baselineMean, long ts) {
    if (Double.isNaN(s.recoveryHr) || ts < s.recoveryTs || s.recoveryHr <= baselineMean) {
      return Double.NEGATIVE_INFINITY;
    }
    double minutes = (ts - s.recoveryTs) / 60_000.0;
    return baselineMean + (s.recoveryHr - baselineMean) * Math.exp(-minutes / TAU_MINUTES);
  }

  /** Takes an accepted reading: the envelope moves to it, or to its own decayed level if that is higher. */
  static void accept(DetectorState s, double bpm, double baselineMean, long ts) {
    if (ts >= s.recoveryTs) {
      s.recoveryHr = Math.max(bpm, explained(s, baselineMean, ts));
      s.recoveryTs = ts;
    }
  }
}
