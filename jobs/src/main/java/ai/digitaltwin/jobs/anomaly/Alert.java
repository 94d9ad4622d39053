package ai.digitaltwin.jobs.anomaly;

import ai.digitaltwin.schemas.AnomalyType;

/**
 * One reading that looks anomalous in one way.
 *
 * @param ts the reading's event time
 * @param since when the evidence began (earlier than {@code ts} for a flat line seen only after repeats)
 * @param score how far out: NEWS2 points, a resting-HR rise in bpm or a sensor fault's size, by layer
 * @param severity low, medium or high
 * @param evidence JSON of the values that triggered it
 * @param decisive opens an episode alone, whatever the type's minimum (a long gap is already certain)
 */
record Alert(
    AnomalyType type, long ts, long since, double score, String severity, String evidence, boolean decisive) {

  static Alert of(AnomalyType type, long ts, double score, String severity, String evidence) {
    return new Alert(type, ts, ts, score, severity, evidence, false);
  }
}
