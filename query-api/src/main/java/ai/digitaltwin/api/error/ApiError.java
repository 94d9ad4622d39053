package ai.digitaltwin.api.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The one error shape of the API. {@code field} names the offending input where there is one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String error, String message, String field) {
  public static ApiError of(int status, String error, String message) {
    return new ApiError(status, error, message, null);
  }
}
