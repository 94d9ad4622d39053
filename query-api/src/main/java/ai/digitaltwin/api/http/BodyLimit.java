package ai.digitaltwin.api.http;

import ai.digitaltwin.api.error.ApiException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Refuses a body larger than the limit before anything reads it: by its declared length, and for a
 * chunked body by what was read (Jetty stops reading at the limit, which would otherwise look like a
 * truncated, malformed body).
 *
 * <p>A body refused by its declared length is read and dropped first, up to {@link #DRAINED_BYTES}: the
 * client is still sending it, and a connection closed on unread bytes is reset, which can discard the
 * 413 before the client has read it (seen as "no bytes" for the response, once in a few hundred runs).
 * A larger body is not read; a client sending one should ask with {@code Expect: 100-continue}.
 */
public final class BodyLimit {
  /** The most a refused body is read for the 413 to reach its client intact. */
  static final long DRAINED_BYTES = 64L << 20;

  private final long maxBytes;

  public BodyLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public void check(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      if (declared <= DRAINED_BYTES) {
        drop(ctx);
      }
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

  private static void drop(Context ctx) {
    try (InputStream in = ctx.req().getInputStream()) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException gone) {
      // the client stopped sending: the 413 goes out as far as it can
    }
  }

  private ApiException tooLarge() {
    return new ApiException(413, "payload_too_large", "Request body is larger than " + maxBytes + " bytes", null);
  }
}
