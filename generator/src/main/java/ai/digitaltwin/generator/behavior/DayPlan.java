package ai.digitaltwin.generator.behavior;

import static ai.digitaltwin.generator.common.Seeds.clamp;

import ai.digitaltwin.generator.common.Seeds;
import ai.digitaltwin.generator.person.Person;
import ai.digitaltwin.generator.vitals.Physiology;
import java.util.SplittableRandom;

/**
 * When a person wakes up and goes to bed on one local day, in minutes after that day's midnight (bed time
 * may pass midnight, so it can exceed 1440). Conscientious people keep regular hours: the day-to-day
 * spread of the wake time shrinks with conscientiousness, and so does the weekend lie-in. Computed from
 * the twin's seed and the day alone, so it needs no state. {@code activeness} scales the day's steps: some
 * days are busier than others.
 */
public record DayPlan(double wakeMinute, double bedMinute, double activeness) {
  public static final double EARLIEST_WAKE_HOUR = 3.5;
  private static final int PURPOSE = 11;
  private static final double DAY_STEPS_LOG_SD = Physiology.value("day_steps_log_sd");

  public static DayPlan of(Person person, long epochDay, boolean weekend) {
    SplittableRandom r = Seeds.at(person.seed(), epochDay, PURPOSE);
    double c = person.personality().getConscientiousness();
    double spreadHours = 0.15 + 1.3 * (1 - c);
    double lieIn = weekend ? 0.3 + 1.5 * (1 - c) : 0;
    double wake = clamp(person.baseline().wakeHour() + lieIn + spreadHours * r.nextGaussian(), EARLIEST_WAKE_HOUR, 13);
    double awakeHours = 24 - person.baseline().sleepHours() + 0.5 * spreadHours * r.nextGaussian();
    double activeness = Math.exp(DAY_STEPS_LOG_SD * r.nextGaussian() - DAY_STEPS_LOG_SD * DAY_STEPS_LOG_SD / 2);
    return new DayPlan(wake * 60, (wake + clamp(awakeHours, 12, 20)) * 60, activeness);
  }

  /** Whether the person sleeps at a minute of this day, given the previous day's plan. */
  public boolean asleep(double minute, DayPlan previousDay) {
    if (minute >= bedMinute) {
      return true;
    }
    return minute < wakeMinute && minute >= previousDay.bedMinute - 1440;
  }
}
