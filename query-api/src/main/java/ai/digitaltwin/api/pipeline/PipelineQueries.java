package ai.digitaltwin.api.pipeline;

import ai.digitaltwin.schemas.Tables;

/**
 * The SQL behind the pipeline view, over the Iceberg views. Detection quality is scored at episode level
 * against the generator's ground truth: a detected episode is a true positive when it overlaps an
 * injected one of the same twin within {@value #TOLERANCE_MINUTES} minutes; an injected episode counts
 * towards recall only once the twin's data has reached that far past its start (event time, not wall
 * time, so an accelerated simulation is scored fairly).
 */
final class PipelineQueries {
  static final int TOLERANCE_MINUTES = 10;

  private static final String OVERLAPS =
      "g.twin_id = d.twin_id AND d.start_ts <= g.end_ts + INTERVAL " + TOLERANCE_MINUTES + " MINUTE"
          + " AND d.end_ts >= g.start_ts - INTERVAL " + TOLERANCE_MINUTES + " MINUTE";

  static final String DETECTION =
      "WITH det AS (SELECT twin_id, type, start_ts, max(coalesce(end_ts, ts)) AS end_ts FROM " + Tables.ANOMALIES
          + "   GROUP BY twin_id, type, start_ts),"
          + " gt AS (SELECT DISTINCT twin_id, type, start_ts, end_ts FROM " + Tables.GROUND_TRUTH + "),"
          + " seen AS (SELECT twin_id, max(ts) AS upto FROM " + Tables.HEALTH_EVENTS + " GROUP BY twin_id),"
          + " due AS (SELECT gt.* FROM gt JOIN seen USING (twin_id)"
          + "   WHERE gt.start_ts + INTERVAL " + TOLERANCE_MINUTES + " MINUTE <= seen.upto)"
          + " SELECT (SELECT count(*) FROM det) AS detected,"
          + " (SELECT count(*) FROM det d WHERE EXISTS (SELECT 1 FROM gt g WHERE " + OVERLAPS + ")) AS true_positives,"
          + " (SELECT count(*) FROM due) AS injected,"
          + " (SELECT count(*) FROM due g WHERE EXISTS (SELECT 1 FROM det d WHERE " + OVERLAPS + ")) AS found";

  /** The newest state row of every twin. */
  static final String LATEST_STATE =
      "SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY twin_id ORDER BY ts DESC, readings DESC) AS rn"
          + " FROM " + Tables.TWIN_STATE + ") WHERE rn = 1";

  static final String CONFIDENCE =
      "SELECT count(*) AS twins, avg(baseline_confidence) AS mean, min(baseline_confidence) AS min,"
          + " max(baseline_confidence) AS max FROM (" + LATEST_STATE + ")";

  static final String DEAD_LETTERS =
      "SELECT topic, reason, count(*) AS count, max(ts) AS last FROM " + Tables.DEAD_LETTERS + " GROUP BY topic, reason"
          + " ORDER BY count DESC";

  /** Episodes (twin, type, start) whose newest row has no end yet. */
  static final String OPEN_ANOMALIES =
      "SELECT twin_id, count(*) AS open FROM (SELECT twin_id, type, start_ts, bool_and(end_ts IS NULL) AS open"
          + "   FROM " + Tables.ANOMALIES + " GROUP BY twin_id, type, start_ts) WHERE open GROUP BY twin_id";

  private PipelineQueries() {}
}
