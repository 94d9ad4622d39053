package ai.digitaltwin.api.error;

/** A request the API refuses, with the status and error code it is answered with. */
public class ApiException extends RuntimeException {
  private final int status;
  private final String error;
  private final String field;

  public ApiException(int status, String error, String message, String field) {
    super(message);
    this.status = status;
    this.error = error;
    this.field = field;
  }

  public static ApiException badRequest(String message, String field) {
    return new ApiException(400, "bad_request", message, field);
  }

  public int status() {
    return status;
  }

  public ApiError toError() {
    return new ApiError(status, error, getMessage(), field);
  }
}
