package ai.digitaltwin.generator.anomaly;

import ai.digitaltwin.generator.behavior.Activity;
import ai.digitaltwin.generator.behavior.Behavior;
import ai.digitaltwin.generator.behavior.Moment;
import ai.digitaltwin.generator.vitals.Reading;
import ai.digitaltwin.schemas.AnomalyType;
import ai.digitaltwin.schemas.AnomalyTypes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The anomalies a twin is going through. Each tick may start a new episode (one draw against the summed
 * rates, then a type by its share) unless one of that type is running, or, for a sensor fault, any sensor
 * fault is running, or the moment does not fit the type ({@link #fits}): bradycardia only in sleep that
 * lasts beyond the episode, tachycardia not in exercise, a motion spike only while walking, a drop-out
 * (the watch off to charge) only awake and still. An infection's raised resting heart rate is followed,
 * while still raised, by its fever (the symptoms): wearables see the rise days before (Mishra et al. 2020,
 * Nat Biomed Eng 4:1208). Clinical episodes change the person's vitals; sensor faults change what is
 * reported. Every episode, the scheduled fever too, is returned when it starts, for the ground truth.
 */
public final class Anomalies {
  private static final AnomalyType[] TYPES = AnomalyType.values();
  private static final double TOTAL_PER_DAY = java.util.Arrays.stream(TYPES).mapToDouble(t -> AnomalySpec.of(t).perDay()).sum();

  /**
   * Where the fever of an infection starts, as a share of its resting-HR rise: the rise comes days before
   * the symptoms and lasts into them ({@code anomalies.tsv}).
   */
  private static final double SYMPTOMS_AT = 0.5;

  private final Map<AnomalyType, Episode> active = new EnumMap<>(AnomalyType.class);
  /** An infection's fever, waiting for its start tick. */
  private Episode scheduled;

  /** What the person is doing when an episode might start. */
  public record Context(boolean exercising, boolean walking, boolean asleep, double sleepLeftMinutes) {
    public static Context of(Behavior behavior, Moment now, Reading reading) {
      return new Context(behavior.activity() == Activity.EXERCISE, reading.steps > 0,
          behavior.activity() == Activity.SLEEP, behavior.sleepLeft(now));
    }
  }

  /**
   * Possibly starts an episode at {@code tick}. Returns it (for the ground truth), or null.
   *
   * @param rateMultiplier scales every rate of {@code anomalies.tsv}; 0 injects nothing
   */
  public Episode maybeStart(long tick, double minutes, double rateMultiplier, Context context, SplittableRandom r) {
    if (!active.isEmpty()) {
      active.values().removeIf(e -> !e.covers(tick));
    }
    if (scheduled != null && scheduled.startTick() <= tick) {
      Episode fever = scheduled;
      scheduled = null;
      if (!active.containsKey(AnomalyType.FEVER)) {
        active.put(AnomalyType.FEVER, fever);
        return fever;
      }
    }
    double total = TOTAL_PER_DAY;
    double chance = total * rateMultiplier * minutes / 1440;
    if (rateMultiplier <= 0 || r.nextDouble() >= chance) {
      return null;
    }
    double x = r.nextDouble() * total;
    AnomalyType type = TYPES[TYPES.length - 1];
    for (AnomalyType t : TYPES) {
      x -= AnomalySpec.of(t).perDay();
      if (x < 0) {
        type = t;
        break;
      }
    }
    if (active.containsKey(type) || (AnomalyTypes.sensorFault(type) && sensorFaultRunning()) || rhythmClash(type)
        || !fits(type, context)) {
      return null;
    }
    AnomalySpec spec = AnomalySpec.of(type);
    double length = spec.minMinutes() + r.nextDouble() * (spec.maxMinutes() - spec.minMinutes());
    long ticks = Math.max(1, Math.round(length / minutes));
    double severity = Math.round((0.2 + 0.8 * r.nextDouble()) * 1000) / 1000.0;
    Episode episode = new Episode(type, tick, tick + ticks, severity, null);
    active.put(type, episode);
    if (type == AnomalyType.RESTING_HR_ELEVATION && scheduled == null) {
      AnomalySpec fever = AnomalySpec.of(AnomalyType.FEVER);
      double feverLength = fever.minMinutes() + r.nextDouble() * (fever.maxMinutes() - fever.minMinutes());
      long start = tick + Math.round(SYMPTOMS_AT * ticks);
      scheduled = new Episode(AnomalyType.FEVER, start, start + Math.max(1, Math.round(feverLength / minutes)),
          severity, null);
    }
    return episode;
  }

  /** Whether an episode of this type can start at this moment (and, for bradycardia, end still asleep). */
  static boolean fits(AnomalyType type, Context c) {
    return switch (type) {
      case BRADYCARDIA -> c.asleep() && c.sleepLeftMinutes() > AnomalySpec.of(type).maxMinutes();
      case TACHYCARDIA -> !c.exercising();
      case SENSOR_SPIKE -> c.walking();
      case SENSOR_DROPOUT -> !c.asleep() && !c.walking() && !c.exercising();
      default -> true;
    };
  }

  /** Applies the running episodes to a reading: clinical first, then what the sensor does to it. */
  public void apply(long tick, Reading reading, SplittableRandom r) {
    if (active.isEmpty()) {
      return;
    }
    for (int pass = 0; pass < 2; pass++) { // shifts (fever) first, then the limits that bound them
      for (Episode e : active.values()) {
        if (e.covers(tick) && !AnomalyTypes.sensorFault(e.type()) && Effects.shifts(e.type()) == (pass == 0)) {
          Effects.clinical(e, reading, r);
        }
      }
    }
    for (Map.Entry<AnomalyType, Episode> entry : active.entrySet()) {
      Episode e = entry.getValue();
      if (!e.covers(tick) || !AnomalyTypes.sensorFault(e.type())) {
        continue;
      }
      if (e.type() == AnomalyType.SENSOR_FLATLINE && e.frozen() == null) {
        entry.setValue(new Episode(e.type(), e.startTick(), e.endTick(), e.severity(), reading.copy()));
        continue; // the first reading is true; the sensor then repeats it
      }
      Effects.sensor(entry.getValue(), reading, r);
    }
  }

  public List<Episode> running() {
    return new ArrayList<>(active.values());
  }

  /** Tachycardia and bradycardia exclude each other. */
  private boolean rhythmClash(AnomalyType type) {
    return (type == AnomalyType.TACHYCARDIA && active.containsKey(AnomalyType.BRADYCARDIA))
        || (type == AnomalyType.BRADYCARDIA && active.containsKey(AnomalyType.TACHYCARDIA));
  }

  private boolean sensorFaultRunning() {
    for (Episode e : active.values()) {
      if (AnomalyTypes.sensorFault(e.type())) {
        return true;
      }
    }
    return false;
  }
}
