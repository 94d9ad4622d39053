package ai.digitaltwin.api.history;

/** A query over twin history failed in DuckDB. */
public class HistoryQueryException extends RuntimeException {
  public HistoryQueryException(String message, Throwable cause) {
    super(message, cause);
  }
}
