package ai.digitaltwin.api.timetravel;

import ai.digitaltwin.api.twin.HealthStatus;
import ai.digitaltwin.api.twin.Reading;
import java.util.List;

/**
 * A twin's status at an instant, so that it agrees with what the twin page shows for that instant: the
 * type of the most severe anomaly episode open then (a heart rate of 41 inside a bradycardia episode is
 * not "normal", though no status rule covers a low rate), otherwise the status rules on the last reading
 * by then; {@code no_data} before the first reading.
 */
final class StatusAt {
  static final String NO_DATA = "no_data";

  private StatusAt() {}

  /** {@code open}: the episodes open then, most severe first; {@code reading}: the last one by then, or null. */
  static String of(Reading reading, List<TwinAt.OpenEpisode> open) {
    if (!open.isEmpty()) {
      return open.get(0).type();
    }
    return reading == null ? NO_DATA : HealthStatus.of(reading).get(0);
  }
}
