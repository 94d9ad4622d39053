package ai.digitaltwin.importer;

/**
 * An input that cannot be read (malformed or truncated, of no known format, a rejected zip entry): the
 * message says which and where, for the user; no stack trace is shown.
 */
public final class UnreadableInputException extends Exception {
  public UnreadableInputException(String message) {
    super(message);
  }
}
