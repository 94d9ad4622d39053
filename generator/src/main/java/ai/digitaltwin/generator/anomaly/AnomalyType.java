package ai.digitaltwin.generator.anomaly;

import ai.digitaltwin.generator.common.Tsv;
import java.util.Locale;

/** The anomalies the generator can inject; rates and durations live in {@code anomalies.tsv}. */
public enum AnomalyType {
  TACHYCARDIA, BRADYCARDIA, SPO2_DIP, FEVER, HYPERTENSIVE, RESTING_HR_ELEVATION,
  SENSOR_FLATLINE, SENSOR_DROPOUT, SENSOR_SPIKE;

  private static final Spec[] SPECS = load();

  private final String wire = name().toLowerCase(Locale.ROOT);

  /** @param perDay expected episodes per twin per day at rate multiplier 1 */
  public record Spec(double perDay, double minMinutes, double maxMinutes, boolean sensor) {}

  public Spec spec() {
    return SPECS[ordinal()];
  }

  public String wire() {
    return wire;
  }

  public static AnomalyType parse(String wire) {
    for (AnomalyType t : values()) {
      if (t.wire().equals(wire)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown anomaly type '" + wire + "'");
  }

  private static Spec[] load() {
    Spec[] specs = new Spec[values().length];
    for (String[] r : Tsv.rows("anomalies.tsv")) {
      specs[parse(r[0]).ordinal()] = new Spec(Tsv.num(r, 1), Tsv.num(r, 2), Tsv.num(r, 3), r[4].equals("sensor"));
    }
    for (AnomalyType t : values()) {
      if (specs[t.ordinal()] == null) {
        throw new IllegalStateException("anomalies.tsv has no row for " + t.wire());
      }
    }
    return specs;
  }
}
