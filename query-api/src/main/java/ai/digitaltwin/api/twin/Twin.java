package ai.digitaltwin.api.twin;

/**
 * The body of {@code GET /twins/{id}} (and of the edits' answers): profile, personality and current state.
 * {@code personality} is the newest state's, drifted, once the stream job has sent one with traits
 * ({@code personality_from: state}), else the registry's; {@code last_event} is the newest reading's time.
 */
public record Twin(
    String twinId,
    boolean deleted,
    String owner,
    String updatedAt,
    TwinProfile profile,
    Traits personality,
    String personalityFrom,
    String status,
    CurrentState state,
    String lastEvent) {}
