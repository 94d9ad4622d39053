package ai.digitaltwin.jobs.ingest;

/**
 * A decoded event with what every table and operator needs without knowing its type: the twin it belongs
 * to, its event time and id, and where it was read from.
 */
public record Consumed<T>(String twinId, String eventId, long ts, int partition, long offset, T event) {}
