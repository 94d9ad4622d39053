package ai.digitaltwin.api.twin;

import ai.digitaltwin.api.history.Row;

/**
 * One twin in the list of {@code GET /twins}: its profile's facts, its newest state's time, activity, mood,
 * status ({@value TwinService#WARMING_UP} before the first) and readings count, and the time of its newest
 * reading ({@code last_event}: states come at the snapshot cadence, readings as they happen).
 */
public record TwinSummary(
    String twinId,
    String name,
    Integer age,
    String sex,
    String occupation,
    String timezone,
    String owner,
    String stateAt,
    String activity,
    String mood,
    String status,
    Long readings,
    String lastEvent) {
  /** A row of {@link TwinService#LIST}, before its last event is known. */
  static TwinSummary of(Row row) {
    return new TwinSummary(
        row.text("twin_id"), row.text("name"), row.integer("age"), row.text("sex"), row.text("occupation"),
        row.text("timezone"), row.text("owner"), row.text("state_at"), row.text("activity"), row.text("mood"),
        row.text("status"), row.whole("readings"), null);
  }

  TwinSummary withLastEvent(String at) {
    return new TwinSummary(twinId, name, age, sex, occupation, timezone, owner, stateAt, activity, mood, status, readings, at);
  }
}
