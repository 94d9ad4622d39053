package ai.digitaltwin.api.pipeline;

import ai.digitaltwin.api.history.Row;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.twin.RecentRegistry;
import ai.digitaltwin.api.twin.Traits;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * Every live twin as a point in personality and health space: its current traits (the state's drifted
 * ones when the stream job has them, else the registry's), latest vitals and baseline, status and open
 * anomalies. One query for the whole population, for the dashboard's list and 3D view.
 */
public final class PopulationService {
  static final int MAX_TWINS = 5000;

  static final String POPULATION =
      "SELECT r.twin_id, r.name, r.occupation, r.owner,"
          + " coalesce(s.openness, r.openness) AS openness,"
          + " coalesce(s.conscientiousness, r.conscientiousness) AS conscientiousness,"
          + " coalesce(s.extraversion, r.extraversion) AS extraversion,"
          + " coalesce(s.agreeableness, r.agreeableness) AS agreeableness,"
          + " coalesce(s.neuroticism, r.neuroticism) AS neuroticism,"
          + " s.ts AS last_event, s.heart_rate, s.spo2, s.systolic_bp, s.body_temp_c, s.resting_hr,"
          + " s.hr_baseline, s.baseline_confidence, s.status, s.mood, s.activity,"
          + " coalesce(a.open, 0) AS open_anomalies"
          + " FROM (SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY twin_id ORDER BY ts DESC, event_id DESC) AS rn"
          + "   FROM " + RecentRegistry.LIVE_VIEW + ") WHERE rn = 1) r"
          + " LEFT JOIN (" + PipelineQueries.LATEST_STATE + ") s USING (twin_id)"
          + " LEFT JOIN (" + PipelineQueries.OPEN_ANOMALIES + ") a USING (twin_id)"
          + " WHERE r.action <> 'deleted' AND (CAST(? AS VARCHAR) IS NULL OR r.owner = ?)"
          + " ORDER BY r.twin_id LIMIT " + MAX_TWINS;

  private final TwinHistory history;

  public PopulationService(TwinHistory history) {
    this.history = history;
  }

  /** The body of {@code GET /population}: every twin asked for (at most {@value #MAX_TWINS}) and how many. */
  public record Population(List<Point> items, int total) {}

  /**
   * One twin as a point: who it is, its traits (flat, as columns), its newest state's time, vitals,
   * baseline, status, mood and activity (null before its first state) and its open anomaly episodes.
   */
  public record Point(
      String twinId,
      String name,
      String occupation,
      String owner,
      @JsonUnwrapped Traits traits,
      String lastEvent,
      Double heartRate,
      Double spo2,
      Double systolicBp,
      Double bodyTempC,
      Double restingHr,
      Double hrBaseline,
      Double baselineConfidence,
      String status,
      String mood,
      String activity,
      Long openAnomalies) {
    static Point of(Row row) {
      return new Point(
          row.text("twin_id"), row.text("name"), row.text("occupation"), row.text("owner"), row.as(Traits.class),
          row.text("last_event"), row.decimal("heart_rate"), row.decimal("spo2"), row.decimal("systolic_bp"),
          row.decimal("body_temp_c"), row.decimal("resting_hr"), row.decimal("hr_baseline"),
          row.decimal("baseline_confidence"), row.text("status"), row.text("mood"), row.text("activity"),
          row.whole("open_anomalies"));
    }
  }

  /** The twins of {@code owner}, or all of them when {@code owner} is null. */
  public Population twins(String owner) {
    List<Point> items = history.query(POPULATION, java.util.Arrays.asList(owner, owner)).map(Point::of);
    return new Population(items, items.size());
  }
}
