package ai.digitaltwin.jobs.anomaly;

import ai.digitaltwin.jobs.twin.Ewma;
import ai.digitaltwin.schemas.AnomalyType;
import ai.digitaltwin.schemas.AnomalyTypes;
import ai.digitaltwin.schemas.HealthEvent;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Personal-baseline layer: resting heart rate above the person's own baseline, the signal wearables use
 * to see an infection coming days before symptoms (Mishra et al. 2020, Nat Biomed Eng 4:1208; Alavi et
 * al. 2022, Nat Med 28:175). Bands cannot see a rise from 58 to 70 bpm; this can.
 *
 * <p>Readings that say their activity are judged night by night, as those studies judge a wearer: a
 * night's resting HR is the mean of its sleep readings taken {@link #AFTER_EFFORT} or more after the last
 * effort (heart rate stays raised for an hour after exercise) and while no fever or tachycardia is under
 * way (they explain a high rate, and are reported as themselves); a sleep with fewer than
 * {@link Rest#NIGHT_MINUTES} such readings gives no night. Sleep is the cleanest rest there is: awake,
 * stress, posture and meals move a resting rate by several bpm for hours. Each night is compared with
 * the person's sleeping baseline (the heart-rate baseline of sleep, trusted after {@link #TRUSTED}
 * readings, about a night), and is raised when it lies {@link #SDS} of the person's own night-to-night
 * standard deviations above it, with a floor of {@link #SD_FLOOR_BPM} for that deviation: within a person,
 * daily resting HR varies by 2–3 bpm (Quer et al. 2020, PLoS One 15:e0227709), so a person with a few
 * unusually steady nights does not alarm on a 3-bpm rise after a late meal or a drink. The alert comes
 * with the {@link #CONFIRM}th raised night in a row and with every raised night after it: one night is
 * raised by a drink, a late workout or a bad night's sleep, an infection for days (NightSignal's alert on
 * consecutive raised nights, Alavi et al. 2022). A sleep without a night (a nap, or a fever's) neither
 * raises nor breaks the run. While a night looks raised the baselines stop learning, so an elevation
 * lasting days is not learnt as normal.
 *
 * <p>A wearable's readings do not say their activity, so nothing tells a desk from a bed: they are judged
 * on the night-time window of {@link Rest} instead ({@link #nightly}, {@link RestingNights}).
 */
final class RestingHr {
  static final long AFTER_EFFORT = Duration.ofMinutes(60).toMillis();
  /** About a night of sleep readings before the sleeping baseline is trusted for this. */
  static final long TRUSTED = 480;
  static final double SDS = 2;
  static final double SD_FLOOR_BPM = 2.75;
  static final int CONFIRM = 2;
  /** The nights' rises learnt with about a fortnight's memory. */
  static final double NIGHTS_ALPHA = 1.0 / 14;
  private static final String SLEEP = "sleep";
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
  static void check(DetectorState s, HealthEvent v, long ts, List<Alert> alerts, Ewma baseline) {
    if (ts <= s.lastTs || !Readings.labelled(v)) {
      return;
    }
    boolean asleep = SLEEP.equals(v.getActivity());
    if (!asleep) {
      closeNight(s, v, ts, alerts);
    }
    if (v.getSteps() > 10 || ACTIVE.contains(v.getActivity())) {
      s.lastEffortTs = ts;
      return;
    }
    if (!asleep || v.getHeartRate() == null || baseline.count < TRUSTED
        || (s.lastEffortTs != Long.MIN_VALUE && ts - s.lastEffortTs < AFTER_EFFORT)
        || s.tracks.containsKey(AnomalyTypes.wire(AnomalyType.FEVER))
        || s.tracks.containsKey(AnomalyTypes.wire(AnomalyType.TACHYCARDIA))) {
      return;
    }
    if (s.restCount == 0) {
      s.restFrom = ts;
    }
    s.restSum += v.getHeartRate() - baseline.mean;
    s.restCount++;
    s.restBaseline = baseline.mean;
  }

  /** The sleep just ended: its night, when it has one, raised or not. */
  private static void closeNight(DetectorState s, HealthEvent v, long ts, List<Alert> alerts) {
    if (s.restCount == 0) {
      return;
    }
    int minutes = s.restCount;
    double rise = s.restSum / minutes;
    s.restSum = 0;
    s.restCount = 0;
    if (minutes < Rest.NIGHT_MINUTES) {
      return;
    }
    double sd = Math.max(s.restNights.sd(), SD_FLOOR_BPM);
    if (rise < SDS * sd) {
      s.restRaised = 0;
      if (!s.tracks.containsKey(AnomalyTypes.wire(AnomalyType.RESTING_HR_ELEVATION))) {
        s.restNights.add(rise, NIGHTS_ALPHA); // the person's ordinary nights: their own spread
      }
      return;
    }
    if (s.restRaised++ == 0) {
      s.restRaisedFrom = s.restFrom;
    }
    if (s.restRaised >= CONFIRM) {
      String evidence =
          Readings.evidence(v)
              .put("night_rise_bpm", rise)
              .put("resting_minutes", minutes)
              .put("raised_nights", s.restRaised)
              .put("nights_sd", sd)
              .put("baseline_mean", s.restBaseline)
              .toString();
      // the evidence began with the first raised night of the run
      alerts.add(new Alert(AnomalyType.RESTING_HR_ELEVATION, ts, s.restRaisedFrom, rise, rise >= 10 ? "high" : "medium",
          evidence, false));
    }
  }

  /** True while resting HR looks raised (this night so far, or the last ones): the baselines must not learn it. */
  static boolean suspicious(DetectorState s) {
    return s.restRaised > 0
        || s.tracks.containsKey(AnomalyTypes.wire(AnomalyType.RESTING_HR_ELEVATION))
        || (s.restCount >= Rest.NIGHT_MINUTES && s.restSum / s.restCount >= SDS * Math.max(s.restNights.sd(), SD_FLOOR_BPM));
  }
}
