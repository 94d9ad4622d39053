package ai.digitaltwin.generator.behavior;

import static ai.digitaltwin.generator.common.Seeds.clamp;

import ai.digitaltwin.generator.person.Person;
import java.util.SplittableRandom;

/**
 * A person's activity state machine with energy and stress. Sleep follows the day plan; while awake, the
 * chance to leave an activity is the tick's share of its mean duration, and the next activity is drawn from
 * the hour's mix reshaped by personality, energy and stress. Energy drains by activity and returns in
 * sleep; stress rises with effortful activities (more so for neurotic people) and relaxes toward the
 * person's own level.
 */
public final class Behavior {
  private static final Activity[] ALL = Activity.values();

  private double[] tilt;
  private Activity activity = Activity.SLEEP;
  private double minutesIn;
  private double energy = 0.8;
  private double stress;
  private DayPlan today;
  private DayPlan yesterday;
  private long planDay = Long.MIN_VALUE;

  public Behavior(Person person) {
    reshape(person);
    this.stress = restingStress(person);
  }

  /** A registry edit: traits change the mix from now on; the current activity and mood carry over. */
  public void reshape(Person person) {
    this.tilt = ActivityMix.traitTilt(person.traits());
    this.planDay = Long.MIN_VALUE;
  }

  /**
   * Advances by {@code minutes}. Returns the previous activity if the person switched, else null.
   */
  public Activity advance(Person person, Moment now, double minutes, SplittableRandom r) {
    plan(person, now);
    Activity previous = activity;
    boolean asleep = today.asleep(now.minuteOfDay(), yesterday);
    double pick = r.nextDouble();
    double leave = r.nextDouble();
    if (asleep) {
      activity = Activity.SLEEP;
    } else if (activity == Activity.SLEEP) {
      activity = Activity.ROUTINE; // waking up starts the morning routine
    } else {
      boolean allowed = allowed(person, now, activity);
      if (!allowed || leave < minutes / activity.spec().meanMinutes()) {
        activity = choose(person, now, pick);
      }
    }
    minutesIn = activity == previous ? minutesIn + minutes : minutes;
    mood(person, minutes, r);
    return activity == previous ? null : previous;
  }

  private Activity choose(Person person, Moment now, double pick) {
    double[] w = new double[ALL.length];
    double total = 0;
    for (int i = 1; i < ALL.length; i++) {
      w[i] = allowed(person, now, ALL[i]) ? ActivityMix.weight(now.weekend(), now.hour(), source(person, ALL[i]), tilt, energy, stress) : 0;
      total += w[i];
    }
    if (total == 0) {
      return Activity.LEISURE;
    }
    double x = pick * total;
    for (int i = 1; i < ALL.length; i++) {
      x -= w[i];
      if (x < 0) {
        return ALL[i];
      }
    }
    return Activity.LEISURE;
  }

  /** Work hours are filled by what the occupation does then (work, learning, or nothing for the retired). */
  private static boolean allowed(Person person, Moment now, Activity a) {
    if (a == Activity.WORK || a == Activity.COMMUTE) {
      return person.occupation().worksAs() == Activity.WORK && ActivityMix.base(now.weekend(), now.hour(), a) > 0;
    }
    return true;
  }

  private static Activity source(Person person, Activity a) {
    // a student's learning takes the share the mix gives to work
    return a == Activity.LEARNING && person.occupation().worksAs() == Activity.LEARNING ? Activity.WORK : a;
  }

  private void mood(Person person, double minutes, SplittableRandom r) {
    Activity.Spec spec = activity.spec();
    double hours = minutes / 60;
    double neuroticism = person.personality().getNeuroticism();
    double stressGain = spec.stressPerHour() > 0 ? spec.stressPerHour() * (0.4 + 1.2 * neuroticism) : spec.stressPerHour();
    double relax = (restingStress(person) - stress) * 0.08 * hours;
    stress = clamp(stress + stressGain * hours + relax + 0.01 * Math.sqrt(hours) * r.nextGaussian(), 0, 1);
    double fitnessCushion = 1.2 - 0.4 * person.baseline().fitness();
    double drain = spec.energyPerHour() < 0 ? spec.energyPerHour() * fitnessCushion : spec.energyPerHour();
    energy = clamp(energy + drain * hours - 0.02 * stress * hours, 0, 1);
  }

  private static double restingStress(Person person) {
    return 0.12 + 0.4 * person.personality().getNeuroticism();
  }

  private void plan(Person person, Moment now) {
    if (planDay != now.epochDay()) {
      planDay = now.epochDay();
      today = DayPlan.of(person, now.epochDay(), now.weekend());
      yesterday = DayPlan.of(person, now.epochDay() - 1, Moment.at((now.epochDay() - 1) * 86_400_000L, 0).weekend());
    }
  }

  /**
   * Minutes of sleep certainly left at {@code now} (0 awake): to this morning's wake time, or after going to
   * bed to the earliest wake time a plan can have.
   */
  public double sleepLeft(Moment now) {
    if (activity != Activity.SLEEP || today == null) {
      return 0;
    }
    double minute = now.minuteOfDay();
    return minute < today.wakeMinute() ? today.wakeMinute() - minute : 1440 - minute + DayPlan.EARLIEST_WAKE_HOUR * 60;
  }

  /** Today's plan (wake, bed, how busy a day); null before the first {@link #advance}. */
  public DayPlan today() {
    return today;
  }

  public Activity activity() {
    return activity;
  }

  public double minutesIn() {
    return minutesIn;
  }

  public double energy() {
    return energy;
  }

  public double stress() {
    return stress;
  }
}
