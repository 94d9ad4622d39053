package ai.digitaltwin.api.twin;

import ai.digitaltwin.schemas.StatusRules;
import java.util.List;

/**
 * The status rules the stream job's states are made by ({@link StatusRules}), applied to a reading:
 * every rule it breaks, most urgent first, so the first is the status a state of that reading has.
 */
public final class HealthStatus {
  private HealthStatus() {}

  public static List<String> of(Reading reading) {
    return StatusRules.flags(reading.decimal("heart_rate"), reading.decimal("stress"), reading.decimal("energy"));
  }
}
