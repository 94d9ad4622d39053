package ai.digitaltwin.api.error;

import ai.digitaltwin.api.http.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP server's own answers in the API's error shape. Jetty refuses some requests before any route
 * sees them (a path holding {@code %00} or an encoded {@code /..}: "Ambiguous URI ..."), and answered
 * those with its HTML error page; installed on the server and the servlet context, this writes the same
 * JSON every other error has, and never a stack trace.
 */
public final class JsonErrorHandler extends ErrorHandler {
  static final String URI_REFUSED =
      "The request is malformed: its URI holds a character or an encoding that is not allowed (such as %00)";


  public JsonErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback)
      throws java.io.IOException {
    ApiError error = of(code, message);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(Json.MAPPER.writeValueAsString(error).getBytes(StandardCharsets.UTF_8)), callback);
  }

  /**
   * The error for a status Jetty answers before routing. Its message is only the reason phrase for a URI
   * it will not decode ("Bad Request": a NUL, a control character), so that case is said in our words.
   */
  static ApiError of(int code, String message) {
    if (code == 400 && (message == null || message.isBlank() || message.equals(HttpStatus.getMessage(code)))) {
      return ApiError.of(code, "bad_request", URI_REFUSED);
    }
    if (code >= 400 && code < 500) {
      String reason = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
      return ApiError.of(code, ErrorHandlers.reason(code), "The request is malformed: " + reason);
    }
    return ApiError.of(code, ErrorHandlers.reason(code), "The server failed to answer; see its log.");
  }
}
