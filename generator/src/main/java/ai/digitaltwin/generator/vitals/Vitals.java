package ai.digitaltwin.generator.vitals;

import static ai.digitaltwin.generator.common.Seeds.clamp;
import static ai.digitaltwin.generator.vitals.Physiology.CIRCADIAN_HR_AMPLITUDE;
import static ai.digitaltwin.generator.vitals.Physiology.DRIFT_SD;
import static ai.digitaltwin.generator.vitals.Physiology.DRIFT_TAU_MIN;
import static ai.digitaltwin.generator.vitals.Physiology.HR_FALL_TAU;
import static ai.digitaltwin.generator.vitals.Physiology.HR_PER_STEP_RATE;
import static ai.digitaltwin.generator.vitals.Physiology.HR_RISE_TAU;
import static ai.digitaltwin.generator.vitals.Physiology.NIGHT_HR_SD;
import static ai.digitaltwin.generator.vitals.Physiology.NIGHT_HR_TAU_MIN;
import static ai.digitaltwin.generator.vitals.Physiology.RECOVERY_TAU;
import static ai.digitaltwin.generator.vitals.Physiology.SENSOR_HR_NOISE;
import static ai.digitaltwin.generator.vitals.Physiology.SLEEP_HR_DIP;
import static ai.digitaltwin.generator.vitals.Physiology.STEPS_BOUT_FRACTION;
import static ai.digitaltwin.generator.vitals.Physiology.STEPS_BOUT_PERSISTENCE;

import ai.digitaltwin.generator.behavior.Activity;
import ai.digitaltwin.generator.behavior.Behavior;
import ai.digitaltwin.generator.behavior.Moment;
import ai.digitaltwin.generator.person.Baseline;
import ai.digitaltwin.generator.person.Person;
import java.util.SplittableRandom;

/**
 * A person's vitals with memory. Steps come in walking minutes (most minutes of a day have none, as real
 * step counters show), at the activity's cadence. Heart rate follows a target with a lag (it rises faster
 * than it falls); the target is the resting rate, lower in sleep, plus a small circadian swing (lowest
 * before dawn), the activity's lift and the lift of this minute's walking (both smaller for fitter people),
 * stress, an after-exercise recovery load that decays over half an hour, and a slow drift over days (an
 * Ornstein-Uhlenbeck walk); in sleep, a shift of its own that differs from night to night (another, faster walk). The sensor adds its own noise on top. Constants: {@code physiology.tsv}.
 */
public final class Vitals {
  private static final double TWO_PI = 2 * Math.PI;

  private double heartRate = Double.NaN;
  private double recovery;
  private double drift;
  private double nightShift;
  private boolean walking;
  private final Reading reading = new Reading();

  /** This tick's vitals and steps, in the reading this twin fills every tick. */
  public Reading next(Person person, Behavior behavior, Moment now, double minutes, SplittableRandom r) {
    Baseline b = person.baseline();
    Activity.Spec spec = behavior.activity().spec();
    boolean asleep = behavior.activity() == Activity.SLEEP;
    double circadian = Math.cos(TWO_PI * (now.minuteOfDay() - 16 * 60) / 1440); // +1 at 16:00, -1 at 04:00
    double effort = 1.25 - 0.5 * b.fitness();
    drift += -drift * minutes / DRIFT_TAU_MIN + DRIFT_SD * Math.sqrt(2 * minutes / DRIFT_TAU_MIN) * r.nextGaussian();
    nightShift += -nightShift * minutes / NIGHT_HR_TAU_MIN
        + NIGHT_HR_SD * Math.sqrt(2 * minutes / NIGHT_HR_TAU_MIN) * r.nextGaussian();
    if (spec.intensity() >= 0.5) {
      recovery = Math.min(15, recovery + spec.intensity() * minutes * 0.15);
    } else {
      recovery *= Math.exp(-minutes / RECOVERY_TAU);
    }
    int steps = steps(spec, b.activeness() * behavior.today().activeness(), minutes, r);
    double target = (asleep ? b.restingHr() * (1 - SLEEP_HR_DIP) + nightShift : b.restingHr()) + CIRCADIAN_HR_AMPLITUDE * circadian
        + (spec.hrLift() + HR_PER_STEP_RATE * steps / minutes) * effort + 6 * behavior.stress()
        + (spec.intensity() >= 0.5 ? 0 : recovery) + drift;
    if (Double.isNaN(heartRate)) {
      heartRate = target;
    }
    double tau = target > heartRate ? HR_RISE_TAU : HR_FALL_TAU;
    heartRate += (target - heartRate) * (1 - Math.exp(-minutes / tau));

    Reading out = reading;
    out.heartRate = heartRate + SENSOR_HR_NOISE * r.nextGaussian();
    double load = spec.systolicLift() + 10 * behavior.stress();
    out.systolic = b.systolic() + load + 2 * circadian + 4 * r.nextGaussian();
    out.diastolic = b.diastolic() + 0.5 * load + 1.5 * circadian + 3 * r.nextGaussian();
    out.spo2 = clamp(b.spo2() + (asleep ? -0.6 : 0) + 0.5 * r.nextGaussian(), 85, 100);
    out.bodyTempC = b.bodyTempC() + 0.3 * circadian + 0.4 * spec.intensity() + 0.05 * r.nextGaussian();
    out.respRate = b.respRate() + spec.respLift() * effort + 2 * behavior.stress() + 0.8 * r.nextGaussian();
    double strain = 1 - 0.6 * spec.intensity() - 0.3 * behavior.stress() - 0.01 * recovery;
    double sleepBonus = asleep ? 1.25 : 1;
    out.hrvMs = Math.max(5, b.hrvMs() * strain * sleepBonus * Math.exp(0.12 * r.nextGaussian()));
    out.steps = steps;
    return out;
  }

  /**
   * This tick's steps: a walking bout with the chance that gives the activity's mean (times the person's
   * activeness and the day's), else none; a bout covers a random share of the tick at the activity's cadence.
   */
  private int steps(Activity.Spec spec, double activeness, double minutes, SplittableRandom r) {
    double walk = r.nextDouble();
    double share = r.nextDouble();
    if (spec.cadence() <= 0) {
      walking = false;
      return 0;
    }
    // the share of walking ticks the mean needs; a bout goes on with its persistence, so it starts with the
    // chance that keeps that share (the stationary state of the two-state chain)
    double p = Math.min(0.95, spec.stepsPerMinute() * activeness / (spec.cadence() * STEPS_BOUT_FRACTION));
    double chance = walking ? Math.max(p, STEPS_BOUT_PERSISTENCE) : p * (1 - STEPS_BOUT_PERSISTENCE) / (1 - p);
    walking = walk < chance;
    if (!walking) {
      return 0;
    }
    double fraction = (2 * STEPS_BOUT_FRACTION - 1) + (2 - 2 * STEPS_BOUT_FRACTION) * share; // mean STEPS_BOUT_FRACTION
    return (int) Math.round(spec.cadence() * minutes * fraction);
  }
}
