package ai.digitaltwin.jobs.anomaly;

import java.time.Duration;

/**
 * What the detectors can find, named as the generator names what it injects, so a backtest can match
 * them. {@code minAlerts} alerting readings within {@code mergeGap} of each other open an episode; it
 * closes once no alert came for {@code mergeGap}.
 */
public enum AnomalyType {
  TACHYCARDIA("tachycardia", Layer.CLINICAL, 2, Duration.ofMinutes(10)),
  BRADYCARDIA("bradycardia", Layer.CLINICAL, 2, Duration.ofMinutes(10)),
  SPO2_DIP("spo2_dip", Layer.CLINICAL, 2, Duration.ofMinutes(10)),
  HYPERTENSIVE("hypertensive", Layer.CLINICAL, 2, Duration.ofMinutes(15)),
  FEVER("fever", Layer.CLINICAL, 3, Duration.ofMinutes(45)),
  RESTING_HR_ELEVATION("resting_hr_elevation", Layer.BASELINE, 1, Duration.ofHours(4)),
  SENSOR_FLATLINE("sensor_flatline", Layer.SENSOR, 1, Duration.ofMinutes(10)),
  SENSOR_DROPOUT("sensor_dropout", Layer.SENSOR, 2, Duration.ofMinutes(10)),
  SENSOR_SPIKE("sensor_spike", Layer.SENSOR, 1, Duration.ofMinutes(5));

  /** The three layers of detection. */
  public enum Layer {
    CLINICAL("clinical"),
    BASELINE("baseline"),
    SENSOR("sensor");

    private final String wire;

    Layer(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  private final String wire;
  private final Layer layer;
  private final int minAlerts;
  private final long mergeGapMillis;

  AnomalyType(String wire, Layer layer, int minAlerts, Duration mergeGap) {
    this.wire = wire;
    this.layer = layer;
    this.minAlerts = minAlerts;
    this.mergeGapMillis = mergeGap.toMillis();
  }

  public static AnomalyType parse(String wire) {
    for (AnomalyType t : values()) {
      if (t.wire.equals(wire)) {
        return t;
      }
    }
    throw new IllegalArgumentException("Unknown anomaly type: " + wire);
  }

  public String wire() {
    return wire;
  }

  public Layer layer() {
    return layer;
  }

  public int minAlerts() {
    return minAlerts;
  }

  public long mergeGapMillis() {
    return mergeGapMillis;
  }
}
