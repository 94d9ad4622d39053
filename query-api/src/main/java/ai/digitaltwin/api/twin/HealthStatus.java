package ai.digitaltwin.api.twin;

import ai.digitaltwin.schemas.StatusRules;
import java.util.List;
import java.util.Map;

/**
 * The status rules the stream job's states are made by ({@link StatusRules}), applied to a reading row:
 * every rule it breaks, most urgent first, so the first is the status a state of that reading has.
 */
public final class HealthStatus {
  private HealthStatus() {}

  public static List<String> of(Map<String, Object> reading) {
    return StatusRules.flags(number(reading.get("heart_rate")), number(reading.get("stress")), number(reading.get("energy")));
  }

  private static Double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : null;
  }
}
