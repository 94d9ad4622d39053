package ai.digitaltwin.api.http;

import ai.digitaltwin.api.error.ApiException;
import io.javalin.http.Context;

/**
 * Refuses a body larger than the limit before anything reads it: by its declared length, and for a
 * chunked body by what was read (Jetty stops reading at the limit, which would otherwise look like a
 * truncated, malformed body).
 */
public final class BodyLimit {
  private final long maxBytes;

  public BodyLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public void check(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw tooLarge();
    }
    boolean hasBody = switch (ctx.method().name()) {
      case "POST", "PUT", "PATCH" -> true;
      default -> false;
    };
    if (declared < 0 && hasBody && ctx.bodyAsBytes().length >= maxBytes) {
      throw tooLarge();
    }
  }

  private ApiException tooLarge() {
    return new ApiException(413, "payload_too_large", "Request body is larger than " + maxBytes + " bytes", null);
  }
}
