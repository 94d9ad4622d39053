package ai.digitaltwin.jobs.anomaly;

import ai.digitaltwin.schemas.Anomaly;
import ai.digitaltwin.schemas.HealthEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link AnomalyDetector} does for one twin, without Flink: the stream job, the backtest and the
 * detection-quality benchmark all run these same steps, so a figure measured on one holds for the others.
 */
public final class TwinDetector {
  private TwinDetector() {}

  /** One reading: closes what its time has expired, runs the detectors and folds their alerts into episodes. */
  public static List<Anomaly> reading(String twin, DetectorState state, HealthEvent event, long ts) {
    List<Anomaly> out = Episodes.expire(twin, state.tracks, state.closedUntil, ts);
    for (Alert alert : Detectors.evaluate(state, event, ts)) {
      out.addAll(Episodes.alert(twin, state.tracks, state.closedUntil, alert));
    }
    return out;
  }

  /** The event-time timer at {@code time}: closes the episodes no alert extended until then. */
  public static List<Anomaly> timer(String twin, DetectorState state, long time) {
    return Episodes.expire(twin, state.tracks, state.closedUntil, time);
  }

  /**
   * The end of a bounded input: every remaining deadline fires in order, as the final watermark fires
   * the operator's timers, so each episode closes where its merge gap ends.
   */
  public static List<Anomaly> endOfInput(String twin, DetectorState state) {
    List<Anomaly> out = new ArrayList<>();
    for (long t = Episodes.nextDeadline(state.tracks); t != Long.MAX_VALUE; t = Episodes.nextDeadline(state.tracks)) {
      out.addAll(timer(twin, state, t));
    }
    return out;
  }
}
