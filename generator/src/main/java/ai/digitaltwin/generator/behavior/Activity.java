package ai.digitaltwin.generator.behavior;

import ai.digitaltwin.generator.common.Tsv;
import java.util.Locale;

/**
 * What a person is doing. The numbers that describe each activity (duration, energy and stress per
 * hour, effect on vitals) live in {@code activities.tsv}.
 */
public enum Activity {
  SLEEP, ROUTINE, WORK, COMMUTE, EXERCISE, SOCIAL, LEISURE, LEARNING, CREATIVE;

  private static final Spec[] SPECS = load();

  private final String wire = name().toLowerCase(Locale.ROOT);

  /** One row of {@code activities.tsv}. */
  public record Spec(
      double meanMinutes,
      double energyPerHour,
      double stressPerHour,
      double hrLift,
      double stepsPerMinute,
      double respLift,
      double systolicLift,
      double intensity,
      double cadence) {}

  public Spec spec() {
    return SPECS[ordinal()];
  }

  /** The wire name, as in the BehaviorEvent schema. */
  public String wire() {
    return wire;
  }

  private static Spec[] load() {
    Spec[] specs = new Spec[values().length];
    for (String[] r : Tsv.rows("activities.tsv")) {
      specs[valueOf(r[0].toUpperCase(Locale.ROOT)).ordinal()] =
          new Spec(Tsv.num(r, 1), Tsv.num(r, 2), Tsv.num(r, 3), Tsv.num(r, 4), Tsv.num(r, 5),
              Tsv.num(r, 6), Tsv.num(r, 7), Tsv.num(r, 8), Tsv.num(r, 9));
    }
    for (Activity a : values()) {
      if (specs[a.ordinal()] == null) {
        throw new IllegalStateException("activities.tsv has no row for " + a.wire());
      }
    }
    return specs;
  }
}
