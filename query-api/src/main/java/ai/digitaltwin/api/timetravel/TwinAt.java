package ai.digitaltwin.api.timetravel;

import ai.digitaltwin.api.history.Row;
import ai.digitaltwin.api.twin.Reading;
import ai.digitaltwin.api.twin.StateRow;
import ai.digitaltwin.api.twin.Traits;
import ai.digitaltwin.api.twin.TwinProfile;
import ai.digitaltwin.schemas.Tables;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** The bodies of {@code GET /twins/{id}/state}, one per sense of time travel, and what they hold. */
public final class TwinAt {
  private TwinAt() {}

  /**
   * {@code as_of} (event time): the registry row, state and last reading the twin had then (each null
   * before its first), its {@code status} then ({@link StatusAt}), the status rules on that reading and the
   * anomaly episodes open then.
   */
  public record EventTime(
      String twinId,
      String asOf,
      RegistryAt registry,
      StateRow state,
      String status,
      List<String> statusRules,
      List<OpenEpisode> openAnomalies,
      StoredReading lastReading) {}

  /** {@code system_time}: the state and reading the system showed then, and the snapshots they are from. */
  public record SystemTime(String twinId, String systemTime, StateRow state, StoredReading lastReading, Snapshots snapshots) {}

  /** The snapshot of each table read; all null when the table had none yet. */
  public record Snapshots(@JsonProperty(Tables.TWIN_STATE) Snapshot state, @JsonProperty(Tables.HEALTH_EVENTS) Snapshot readings) {}

  public record Snapshot(Long snapshotId, String committedAt) {}

  /** The twin's registry row as it was: who it was then and why it last changed, flat as the table has it. */
  public record RegistryAt(
      String ts,
      String action,
      @JsonUnwrapped TwinProfile profile,
      @JsonUnwrapped Traits traits,
      String owner,
      String reason) {
    public static RegistryAt of(Row row) {
      return new RegistryAt(
          row.text("ts"), row.text("action"), row.as(TwinProfile.class), row.as(Traits.class), row.text("owner"), row.text("reason"));
    }
  }

  /** An anomaly episode as its latest row says, open at the instant asked. */
  public record OpenEpisode(String type, String severity, String layer, String startTs, String endTs) {
    public static OpenEpisode of(Row row) {
      return new OpenEpisode(
          row.text("type"), row.text("severity"), row.text("layer"), row.text("start_ts"), row.text("end_ts"));
    }
  }

  /** A whole {@code health_events} row but its Kafka coordinates: its ids, then the reading. */
  public record StoredReading(String eventId, String twinId, @JsonUnwrapped Reading reading) {
    public static StoredReading of(Row row) {
      return new StoredReading(row.text("event_id"), row.text("twin_id"), Reading.of(row));
    }
  }
}
