package ai.digitaltwin.jobs.twin;

import java.util.Set;

/**
 * The person's learned heart-rate baseline: an EWMA of every plausible reading, one of resting readings
 * only (few steps, not exercising or travelling), and the current day's resting mean. Confidence grows
 * with resting readings: the honest measure of how much the twin has learned.
 */
public class HealthBaseline {
  /** Weight of a new reading: about the last 500 readings (≈ 8 h at one a minute). */
  static final double ALPHA = 1.0 / 500;
  /** Resting readings after which the confidence reaches 63 % (half a day at one a minute). */
  static final double CONFIDENCE_SCALE = 720;
  private static final Set<String> ACTIVE = Set.of("exercise", "commute");

  public Ewma hr = new Ewma();
  public Ewma restingHr = new Ewma();
  public double restingSumToday;
  public long restingCountToday;

  public HealthBaseline() {}

  public void add(Reading e) {
    Double bpm = e.heartRate();
    if (bpm == null || bpm.isNaN() || bpm < 20 || bpm > 230) {
      return; // a missing or impossible value says nothing about the person
    }
    hr.add(bpm, ALPHA);
    if (isResting(e)) {
      restingHr.add(bpm, ALPHA);
      restingSumToday += bpm;
      restingCountToday++;
    }
  }

  public void newDay() {
    restingSumToday = 0;
    restingCountToday = 0;
  }

  public Double restingToday() {
    return restingCountToday == 0 ? null : restingSumToday / restingCountToday;
  }

  public double confidence() {
    return 1 - Math.exp(-restingHr.count / CONFIDENCE_SCALE);
  }

  /** Low activity: few steps and not exercising or travelling. */
  static boolean isResting(Reading e) {
    return e.steps() <= 10 && (e.activity() == null || !ACTIVE.contains(e.activity()));
  }
}
