package ai.digitaltwin.jobs.anomaly;

import ai.digitaltwin.jobs.twin.Ewma;
import java.util.List;
import java.util.Set;

/**
 * Personal-baseline layer: a one-sided CUSUM of resting heart rate above the person's own baseline for
 * the same activity (standardised), the signal wearables use to see an illness coming days before
 * symptoms (Alavi et al., Nat Med 2021). Bands cannot see a rise from 58 to 70 bpm; this can.
 *
 * <p>{@code K} ignores drifts under one standard deviation; {@code H} is the evidence needed (about an
 * hour of resting readings two deviations high). The statistic is capped at {@code 2H} so that it falls
 * back within hours once the rise ends. While it is above {@code H/2} the baseline stops learning.
 */
final class RestingHrCusum {
  static final double K = 1.0;
  static final double H = 40;
  /** About a day of readings in the activity before the baseline is trusted for this. */
  static final long TRUSTED = 1440;
  private static final Set<String> ACTIVE = Set.of("exercise", "commute", "routine");

  private RestingHrCusum() {}

  static void check(DetectorState s, Vitals v, long ts, List<Alert> alerts) {
    if (v.heartRate() == null || v.steps() > 10 || ACTIVE.contains(v.activity())) {
      return;
    }
    if (Episodes.isOpen(s.tracks, AnomalyType.FEVER) || s.tracks.containsKey(AnomalyType.TACHYCARDIA.wire())) {
      return; // explained by another episode; counting it here would report the same event twice
    }
    Ewma baseline = s.heartRate(v.activity());
    if (baseline.count < TRUSTED) {
      return;
    }
    double z = (v.heartRate() - baseline.mean) / Math.max(baseline.sd(), 2);
    s.cusum = Math.min(2 * H, Math.max(0, s.cusum + z - K));
    if (s.cusum >= H) {
      String evidence =
          v.evidence()
              .put("cusum", s.cusum)
              .put("z", z)
              .put("baseline_mean", baseline.mean)
              .put("baseline_sd", baseline.sd())
              .toString();
      alerts.add(Alert.of(AnomalyType.RESTING_HR_ELEVATION, ts, s.cusum, "medium", evidence));
    }
  }

  static boolean suspicious(DetectorState s) {
    return s.cusum > H / 2;
  }
}
