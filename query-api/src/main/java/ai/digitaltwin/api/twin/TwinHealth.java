package ai.digitaltwin.api.twin;

import java.util.List;

/**
 * The body of {@code GET /twins/{id}/health}: the newest readings, newest first, {@code current} the first
 * of them (null without any), and {@code status} every status rule it breaks ({@link HealthStatus}), or
 * {@code ["no_data"]}.
 */
public record TwinHealth(String twinId, Reading current, List<String> status, List<Reading> readings) {
  static TwinHealth of(String twinId, List<Reading> readings) {
    return readings.isEmpty()
        ? new TwinHealth(twinId, null, List.of("no_data"), readings)
        : new TwinHealth(twinId, readings.get(0), HealthStatus.of(readings.get(0)), readings);
  }
}
