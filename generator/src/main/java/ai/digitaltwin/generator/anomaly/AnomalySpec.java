package ai.digitaltwin.generator.anomaly;

import ai.digitaltwin.generator.common.Tsv;
import ai.digitaltwin.schemas.AnomalyType;
import ai.digitaltwin.schemas.AnomalyTypes;

/**
 * How the generator injects an {@link AnomalyType}: {@code perDay} expected episodes per twin per day at
 * rate multiplier 1, and the range of their durations; the figures live in {@code anomalies.tsv}, with
 * their sources. Whether a type is a sensor fault is the schema's ({@link AnomalyTypes#sensorFault}).
 */
public record AnomalySpec(double perDay, double minMinutes, double maxMinutes) {
  private static final AnomalySpec[] SPECS = load();

  public static AnomalySpec of(AnomalyType type) {
    return SPECS[type.ordinal()];
  }

  private static AnomalySpec[] load() {
    AnomalySpec[] specs = new AnomalySpec[AnomalyType.values().length];
    for (String[] r : Tsv.rows("anomalies.tsv")) {
      specs[AnomalyTypes.parse(r[0]).ordinal()] = new AnomalySpec(Tsv.num(r, 1), Tsv.num(r, 2), Tsv.num(r, 3));
    }
    for (AnomalyType t : AnomalyType.values()) {
      if (specs[t.ordinal()] == null) {
        throw new IllegalStateException("anomalies.tsv has no row for " + AnomalyTypes.wire(t));
      }
    }
    return specs;
  }
}
