package ai.digitaltwin.jobs.anomaly;

import ai.digitaltwin.schemas.AnomalyType;
import java.time.Duration;

/**
 * How the detectors report each {@link AnomalyType}: the layer that finds it, and how its alerts merge
 * into episodes: {@code minAlerts} alerting readings within {@code mergeGap} of each other open an
 * episode; it closes once no alert came for {@code mergeGap}. A type added to the schema does not compile
 * here until it has a rule.
 */
record EpisodeRule(Layer layer, int minAlerts, long mergeGapMillis) {
  /** The three layers of detection, on the wire in {@code Anomaly.layer}. */
  enum Layer {
    CLINICAL("clinical"),
    BASELINE("baseline"),
    SENSOR("sensor");

    private final String wire;

    Layer(String wire) {
      this.wire = wire;
    }

    String wire() {
      return wire;
    }
  }

  private static final EpisodeRule[] RULES = new EpisodeRule[AnomalyType.values().length];

  static {
    for (AnomalyType type : AnomalyType.values()) {
      RULES[type.ordinal()] = switch (type) {
        case TACHYCARDIA, BRADYCARDIA, SPO2_DIP -> new EpisodeRule(Layer.CLINICAL, 2, Duration.ofMinutes(10));
        case HYPERTENSIVE -> new EpisodeRule(Layer.CLINICAL, 2, Duration.ofMinutes(15));
        case FEVER -> new EpisodeRule(Layer.CLINICAL, 3, Duration.ofMinutes(45));
        case RESTING_HR_ELEVATION -> new EpisodeRule(Layer.BASELINE, 1, Duration.ofHours(4));
        case SENSOR_FLATLINE -> new EpisodeRule(Layer.SENSOR, 1, Duration.ofMinutes(10));
        case SENSOR_DROPOUT -> new EpisodeRule(Layer.SENSOR, 2, Duration.ofMinutes(10));
        case SENSOR_SPIKE -> new EpisodeRule(Layer.SENSOR, 1, Duration.ofMinutes(5));
      };
    }
  }

  private EpisodeRule(Layer layer, int minAlerts, Duration mergeGap) {
    this(layer, minAlerts, mergeGap.toMillis());
  }

  static EpisodeRule of(AnomalyType type) {
    return RULES[type.ordinal()];
  }
}
