package ai.digitaltwin.generator.vitals;

import static ai.digitaltwin.generator.common.Seeds.clamp;

import ai.digitaltwin.generator.behavior.Activity;
import ai.digitaltwin.generator.behavior.Behavior;
import ai.digitaltwin.generator.behavior.Moment;
import ai.digitaltwin.generator.person.Baseline;
import ai.digitaltwin.generator.person.Person;
import java.util.SplittableRandom;

/**
 * A person's vitals with memory. Heart rate follows a target with a lag (it rises faster than it falls);
 * the target is the resting rate plus a circadian swing (lowest before dawn), the current activity's lift
 * (smaller for fitter people), stress, an after-exercise recovery load that decays over half an hour, and a
 * slow drift over days (an Ornstein-Uhlenbeck walk). The sensor adds its own noise on top.
 */
public final class Vitals {
  private static final double TWO_PI = 2 * Math.PI;
  private static final double DRIFT_TAU_MIN = 3 * 1440;
  private static final double DRIFT_SD_BPM = 2.0;
  private static final double RECOVERY_TAU_MIN = 25;

  private double heartRate = Double.NaN;
  private double recovery;
  private double drift;

  public Reading next(Person person, Behavior behavior, Moment now, double minutes, SplittableRandom r) {
    Baseline b = person.baseline();
    Activity.Spec spec = behavior.activity().spec();
    double circadian = Math.cos(TWO_PI * (now.minuteOfDay() - 16 * 60) / 1440); // +1 at 16:00, -1 at 04:00
    double effort = 1.25 - 0.5 * b.fitness();
    drift += -drift * minutes / DRIFT_TAU_MIN + DRIFT_SD_BPM * Math.sqrt(2 * minutes / DRIFT_TAU_MIN) * r.nextGaussian();
    if (spec.intensity() >= 0.5) {
      recovery = Math.min(25, recovery + spec.intensity() * minutes * 0.25);
    } else {
      recovery *= Math.exp(-minutes / RECOVERY_TAU_MIN);
    }
    double target = b.restingHr() + 3 * circadian + spec.hrLift() * effort + 8 * behavior.stress()
        + (spec.intensity() >= 0.5 ? 0 : recovery) + drift;
    if (Double.isNaN(heartRate)) {
      heartRate = target;
    }
    double tau = target > heartRate ? 1.5 : 4.0;
    heartRate += (target - heartRate) * (1 - Math.exp(-minutes / tau));

    Reading out = new Reading();
    out.heartRate = heartRate + 1.5 * r.nextGaussian();
    double load = spec.systolicLift() + 10 * behavior.stress();
    out.systolic = b.systolic() + load + 2 * circadian + 4 * r.nextGaussian();
    out.diastolic = b.diastolic() + 0.5 * load + 1.5 * circadian + 3 * r.nextGaussian();
    out.spo2 = clamp(b.spo2() + (behavior.activity() == Activity.SLEEP ? -0.6 : 0) + 0.5 * r.nextGaussian(), 85, 100);
    out.bodyTempC = b.bodyTempC() + 0.3 * circadian + 0.4 * spec.intensity() + 0.05 * r.nextGaussian();
    out.respRate = b.respRate() + spec.respLift() * effort + 2 * behavior.stress() + 0.8 * r.nextGaussian();
    double strain = 1 - 0.6 * spec.intensity() - 0.3 * behavior.stress() - 0.01 * recovery;
    double sleepBonus = behavior.activity() == Activity.SLEEP ? 1.25 : 1;
    out.hrvMs = Math.max(5, b.hrvMs() * strain * sleepBonus * Math.exp(0.12 * r.nextGaussian()));
    double steps = spec.stepsPerMinute() * minutes * (0.6 + 0.8 * r.nextDouble());
    out.steps = (int) Math.round(steps);
    return out;
  }
}
