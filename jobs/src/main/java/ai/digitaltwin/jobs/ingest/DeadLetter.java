package ai.digitaltwin.jobs.ingest;

/**
 * A record that could not become an event.
 *
 * @param reason {@code not_single_object}, {@code unknown_fingerprint}, {@code undecodable} or
 *     {@code invalid}
 * @param readAt when the job read it (milliseconds)
 */
public record DeadLetter(
    String topic, int partition, long offset, long readAt, String reason, String error, byte[] raw) {

  /** Stable across replays, so a dead letter re-read after a restore is recognisably the same one. */
  public String eventId() {
    return topic + "/" + partition + "/" + offset;
  }
}
