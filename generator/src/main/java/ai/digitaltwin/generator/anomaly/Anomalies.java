package ai.digitaltwin.generator.anomaly;

import ai.digitaltwin.generator.vitals.Reading;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The anomalies a twin is going through. Each tick may start a new episode (one draw against the summed
 * rates, then a type by its share) unless one of that type is running, or, for a sensor fault, any sensor
 * fault is running. Clinical episodes change the person's vitals; sensor faults change what is reported.
 */
public final class Anomalies {
  private static final AnomalyType[] TYPES = AnomalyType.values();
  private static final double TOTAL_PER_DAY = java.util.Arrays.stream(TYPES).mapToDouble(t -> t.spec().perDay()).sum();

  private final Map<AnomalyType, Episode> active = new EnumMap<>(AnomalyType.class);

  /**
   * Possibly starts an episode at {@code tick}. Returns it (for the ground truth), or null.
   *
   * @param rateMultiplier scales every rate of {@code anomalies.tsv}; 0 injects nothing
   */
  public Episode maybeStart(long tick, double minutes, double rateMultiplier, SplittableRandom r) {
    if (!active.isEmpty()) {
      active.values().removeIf(e -> !e.covers(tick));
    }
    double total = TOTAL_PER_DAY;
    double chance = total * rateMultiplier * minutes / 1440;
    if (rateMultiplier <= 0 || r.nextDouble() >= chance) {
      return null;
    }
    double x = r.nextDouble() * total;
    AnomalyType type = TYPES[TYPES.length - 1];
    for (AnomalyType t : TYPES) {
      x -= t.spec().perDay();
      if (x < 0) {
        type = t;
        break;
      }
    }
    if (active.containsKey(type) || (type.spec().sensor() && sensorFaultRunning()) || rhythmClash(type)) {
      return null;
    }
    AnomalyType.Spec spec = type.spec();
    double length = spec.minMinutes() + r.nextDouble() * (spec.maxMinutes() - spec.minMinutes());
    long ticks = Math.max(1, Math.round(length / minutes));
    double severity = Math.round((0.2 + 0.8 * r.nextDouble()) * 1000) / 1000.0;
    Episode episode = new Episode(type, tick, tick + ticks, severity, null);
    active.put(type, episode);
    return episode;
  }

  /** Applies the running episodes to a reading: clinical first, then what the sensor does to it. */
  public void apply(long tick, Reading reading, SplittableRandom r) {
    if (active.isEmpty()) {
      return;
    }
    for (int pass = 0; pass < 2; pass++) { // shifts (fever) first, then the limits that bound them
      for (Episode e : active.values()) {
        if (e.covers(tick) && !e.type().spec().sensor() && Effects.shifts(e.type()) == (pass == 0)) {
          Effects.clinical(e, reading, r);
        }
      }
    }
    for (Map.Entry<AnomalyType, Episode> entry : active.entrySet()) {
      Episode e = entry.getValue();
      if (!e.covers(tick) || !e.type().spec().sensor()) {
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
      if (e.type().spec().sensor()) {
        return true;
      }
    }
    return false;
  }
}
