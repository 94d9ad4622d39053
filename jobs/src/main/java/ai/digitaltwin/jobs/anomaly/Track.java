package ai.digitaltwin.jobs.anomaly;

import ai.digitaltwin.schemas.AnomalyType;

/**
 * The episode of one anomaly type for one twin: first pending (alerts seen, not yet enough to open),
 * then open. A Flink POJO inside the detector's keyed state.
 */
public class Track {
  public int alerts;
  public long first;
  public long last;
  public boolean open;
  public long openedAt;
  public double peak;
  public String severity;
  public String evidence;

  public Track() {}

  /** A new track; its start lies after {@code closedEnd}, the end of the last closed episode of its type. */
  static Track start(Alert alert, long closedEnd) {
    Track t = new Track();
    t.alerts = 1;
    t.first = alert.since() > closedEnd ? alert.since() : alert.ts();
    t.last = alert.ts();
    t.peak = alert.score();
    t.severity = alert.severity();
    t.evidence = alert.evidence();
    return t;
  }

  void add(Alert alert, long closedEnd) {
    alerts++;
    if (!open && alert.since() > closedEnd) {
      first = Math.min(first, alert.since()); // an open episode keeps its start: it names the episode
    }
    last = Math.max(last, alert.ts());
    if (alert.score() >= peak) {
      peak = alert.score();
      severity = alert.severity();
      evidence = alert.evidence();
    }
  }

  /** True once no alert came for the type's merge gap before {@code time}. */
  boolean expiredAt(AnomalyType type, long time) {
    return last + EpisodeRule.of(type).mergeGapMillis() <= time;
  }
}
