package ai.digitaltwin.generator.anomaly;

import ai.digitaltwin.generator.vitals.Reading;
import ai.digitaltwin.schemas.AnomalyType;

/**
 * One injected anomaly of one twin, over ticks {@code [startTick, endTick)}.
 *
 * @param frozen for a flat-line, the reading the sensor repeats; else null
 */
public record Episode(AnomalyType type, long startTick, long endTick, double severity, Reading frozen) {
  public boolean covers(long tick) {
    return tick >= startTick && tick < endTick;
  }
}
