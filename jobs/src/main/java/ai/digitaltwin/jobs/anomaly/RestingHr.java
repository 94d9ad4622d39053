package ai.digitaltwin.jobs.anomaly;

import ai.digitaltwin.jobs.twin.Ewma;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Personal-baseline layer: resting heart rate above the person's own baseline for the same activity, the
 * signal wearables use to see an illness coming days before symptoms (Alavi et al., Nat Med 2021). Bands
 * cannot see a rise from 58 to 70 bpm; this can.
 *
 * <p>Resting means what resting HR means: no effort now and none for {@link #AFTER_EFFORT} (heart rate
 * stays raised for an hour after exercise), and no fever or tachycardia under way (they explain a high
 * rate, and are reported as themselves). Single readings are not evidence: the circadian swing, stress
 * and the slow drift of a person's heart rate move them by a few bpm for hours. So resting readings are
 * averaged over windows of {@link #WINDOW} readings, and an alert needs {@link #WINDOWS} windows in a row
 * whose mean is at least {@link #RISE_BPM} above the baseline. While a window is high the baselines stop
 * learning, so an elevation lasting days is not learnt as normal.
 *
 * <p>That is for readings that say their activity. A wearable's readings do not, so nothing tells a
 * desk from a bed: they are judged night against night instead ({@link #nightly}, {@link RestingNights}).
 */
final class RestingHr {
  /** Two hours of one-minute resting readings per window. */
  static final int WINDOW = 120;
  static final int WINDOWS = 2;
  /** A resting-HR rise that matters clinically, and more than a person's own drift over days. */
  static final double RISE_BPM = 6;
  static final long AFTER_EFFORT = Duration.ofMinutes(60).toMillis();
  /** About a night of readings in the activity before its baseline is trusted for this. */
  static final long TRUSTED = 480;
  private static final Set<String> ACTIVE = Set.of("exercise", "commute", "routine");

  private RestingHr() {}

  /**
   * A wearable's reading (no activity): summed into its minute and night ({@link NightlyRest}); a night
   * closed raised above the person's own nights alerts ({@link RestingNights}).
   */
  static void nightly(DetectorState s, boolean steps, Double bpm, long ts, List<Alert> alerts) {
    Rest.Night night = s.nightly.add(ts, bpm, steps, s.zoneId());
    if (!Double.isNaN(s.nightly.finishedNightMinute) && s.nightly.finishedStillMinutes * Rest.MINUTE >= AFTER_EFFORT) {
      ClinicalChecks.restingNight(s, s.nightly.finishedNightMinute, ts, alerts);
    }
    if (night != null) {
      Alert alert = s.nights.night(night, new Evidence());
      if (alert != null) {
        alerts.add(alert);
      }
    }
  }

  /** {@code baseline}: the heart-rate baseline of the reading's activity; a labelled reading only. */
  static void check(DetectorState s, Vitals v, long ts, List<Alert> alerts, Ewma baseline) {
    if (v.heartRate() == null || ts <= s.lastTs || !v.labelled()) {
      return;
    }
    if (v.steps() > 10 || ACTIVE.contains(v.activity())) {
      s.lastEffortTs = ts;
      return;
    }
    if ((s.lastEffortTs != Long.MIN_VALUE && ts - s.lastEffortTs < AFTER_EFFORT)
        || s.tracks.containsKey(AnomalyType.FEVER.wire())
        || s.tracks.containsKey(AnomalyType.TACHYCARDIA.wire())) {
      return;
    }
    if (baseline.count < TRUSTED) {
      return;
    }
    s.restSum += v.heartRate() - baseline.mean;
    if (++s.restCount < WINDOW) {
      return;
    }
    double rise = s.restSum / s.restCount;
    s.restSum = 0;
    s.restCount = 0;
    s.restHigh = rise >= RISE_BPM ? s.restHigh + 1 : 0;
    if (s.restHigh >= WINDOWS) {
      String evidence =
          v.evidence()
              .put("window_rise_bpm", rise)
              .put("windows", s.restHigh)
              .put("baseline_mean", baseline.mean)
              .put("baseline_sd", baseline.sd())
              .toString();
      alerts.add(Alert.of(AnomalyType.RESTING_HR_ELEVATION, ts, rise, "medium", evidence));
    }
  }

  /** True while resting HR looks raised: the baselines must not learn it. */
  static boolean suspicious(DetectorState s) {
    return s.restHigh > 0 || s.tracks.containsKey(AnomalyType.RESTING_HR_ELEVATION.wire());
  }
}
