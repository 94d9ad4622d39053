package ai.digitaltwin.api.twin;

import ai.digitaltwin.api.history.NotAColumn;

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
    @NotAColumn String lastEvent) {

  TwinSummary withLastEvent(String at) {
    return new TwinSummary(twinId, name, age, sex, occupation, timezone, owner, stateAt, activity, mood, status, readings, at);
  }
}
