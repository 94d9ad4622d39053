package ai.digitaltwin.api.timetravel;

import ai.digitaltwin.api.history.IcebergViews;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.twin.HealthStatus;
import ai.digitaltwin.api.twin.RecentRegistry;
import ai.digitaltwin.api.twin.StateRow;
import ai.digitaltwin.schemas.Tables;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Time travel in two senses. {@code as_of} is event time: the last state the twin had at that instant
 * and the profile it had then, from history as it is known now (late data included), and its status
 * then ({@link StatusAt}): the state row is a snapshot of the cadence before, the status is of the instant. {@code
 * system_time} is what the system itself showed at a wall-clock instant: the Iceberg snapshots current
 * then, read through their own data files, so later commits and corrections are invisible.
 */
public final class StateAsOf {
  static final String STATE_AT =
      "SELECT * FROM " + Tables.TWIN_STATE + " WHERE twin_id = ? AND ts <= ? ORDER BY ts DESC, readings DESC LIMIT 1";
  static final String PROFILE_AT =
      "SELECT ts, action, name, age, sex, occupation, interests, timezone, openness, conscientiousness,"
          + " extraversion, agreeableness, neuroticism, owner, reason FROM " + RecentRegistry.LIVE_VIEW
          + " WHERE twin_id = ? AND ts <= ? ORDER BY ts DESC, event_id DESC LIMIT 1";
  static final String LAST_READING_AT =
      "SELECT * EXCLUDE (kafka_partition, kafka_offset) FROM " + Tables.HEALTH_EVENTS + " WHERE twin_id = ? AND ts <= ?"
          + " ORDER BY ts DESC LIMIT 1";
  /**
   * The anomaly episodes open at an instant, as history knows them now: the latest row of each episode
   * (type and start) started by then and not ended by then; the most severe first.
   */
  static final String OPEN_ANOMALIES_AT =
      "SELECT type, severity, layer, start_ts, end_ts FROM (SELECT *, row_number() OVER"
          + " (PARTITION BY type, start_ts ORDER BY ts DESC, event_id DESC) AS rn"
          + " FROM " + Tables.ANOMALIES + " WHERE twin_id = ? AND start_ts <= ?)"
          + " WHERE rn = 1 AND (end_ts IS NULL OR end_ts > ?)"
          + " ORDER BY CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, start_ts DESC, type";

  private final TwinHistory history;

  public StateAsOf(TwinHistory history) {
    this.history = history;
  }

  public TwinAt.EventTime asOf(String twinId, Instant asOf) {
    List<Object> params = List.of(twinId, asOf.atOffset(ZoneOffset.UTC));
    TwinAt.StoredReading reading = history.query(LAST_READING_AT, params).first(TwinAt.StoredReading::of).orElse(null);
    List<TwinAt.OpenEpisode> open =
        history.query(OPEN_ANOMALIES_AT, List.of(twinId, params.get(1), params.get(1))).map(TwinAt.OpenEpisode::of);
    return new TwinAt.EventTime(
        twinId,
        asOf.toString(),
        history.query(PROFILE_AT, params).first(TwinAt.RegistryAt::of).orElse(null),
        history.query(STATE_AT, params).first(StateRow.class).orElse(null),
        StatusAt.of(reading == null ? null : reading.reading(), open),
        reading == null ? List.of() : HealthStatus.of(reading.reading()),
        open,
        reading);
  }

  public TwinAt.SystemTime systemTime(String twinId, Instant systemTime) {
    IcebergViews.AsOf state = history.views().asOf(Tables.TWIN_STATE, systemTime);
    IcebergViews.AsOf readings = history.views().asOf(Tables.HEALTH_EVENTS, systemTime);
    return new TwinAt.SystemTime(
        twinId,
        systemTime.toString(),
        history.query(
            "SELECT * FROM (" + state.select() + ") WHERE twin_id = ? ORDER BY ts DESC, readings DESC LIMIT 1",
            List.of(twinId)).first(StateRow.class).orElse(null),
        history.query(
            "SELECT * EXCLUDE (kafka_partition, kafka_offset) FROM (" + readings.select()
                + ") WHERE twin_id = ? ORDER BY ts DESC LIMIT 1",
            List.of(twinId)).first(TwinAt.StoredReading::of).orElse(null),
        new TwinAt.Snapshots(snapshot(state), snapshot(readings)));
  }

  private static TwinAt.Snapshot snapshot(IcebergViews.AsOf asOf) {
    return new TwinAt.Snapshot(asOf.snapshotId(), asOf.committedAt() == null ? null : asOf.committedAt().toString());
  }
}
