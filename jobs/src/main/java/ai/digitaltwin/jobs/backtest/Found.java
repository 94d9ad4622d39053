package ai.digitaltwin.jobs.backtest;

import ai.digitaltwin.schemas.Anomaly;

/**
 * What the backtest collects from the cluster: a detector's anomaly record (open or close) or a fixed
 * rule's episode, in one plain type.
 *
 * @param end null for an episode's opening record
 */
public record Found(boolean fixedRule, String id, String twinId, String type, long start, Long end, long ts) {
  static Found of(Anomaly a) {
    return new Found(
        false,
        a.getEventId(),
        a.getTwinId(),
        a.getType(),
        a.getStartTs().toEpochMilli(),
        a.getEndTs() == null ? null : a.getEndTs().toEpochMilli(),
        a.getTs().toEpochMilli());
  }

  static Found of(Episode e) {
    return new Found(true, null, e.twinId(), e.type(), e.start(), e.end(), e.detectedAt());
  }

  /** The detector's id without its open/close suffix: the same for both records of an episode. */
  String episodeId() {
    return id.substring(0, id.lastIndexOf('/'));
  }

  Episode episode(long detectedAt) {
    return new Episode(twinId, type, start, end == null ? start : end, detectedAt);
  }
}
