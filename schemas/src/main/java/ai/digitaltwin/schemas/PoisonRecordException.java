package ai.digitaltwin.schemas;

/** Bytes that cannot become an event: the reason is meant for the dead-letter table. */
public class PoisonRecordException extends RuntimeException {
  private final String reason;

  public PoisonRecordException(String reason, Throwable cause) {
    super(reason, cause);
    this.reason = reason;
  }

  public PoisonRecordException(String reason) {
    this(reason, null);
  }

  /** Short machine-readable reason: {@code not_single_object}, {@code unknown_fingerprint}, {@code undecodable}, {@code invalid}. */
  public String reason() {
    return reason;
  }
}
