package ai.digitaltwin.api.error;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every failure to the one JSON error shape; nothing leaks a stack trace to the client. */
public final class ErrorHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);
  /** Refused credentials and access: one line each, so an attack leaves a trace an operator can grep. */
  private static final Logger SECURITY = LoggerFactory.getLogger("ai.digitaltwin.api.security");

  private ErrorHandlers() {}

  public static void install(JavalinConfig config) {
    config.routes.exception(
        ApiException.class,
        (e, ctx) -> {
          if (e.status() == 401 || e.status() == 403 || e.status() == 429) {
            SECURITY.info("refused {} {} from {}: {} {}", ctx.method(), ctx.path(), ctx.ip(), e.status(), e.getMessage());
          }
          ctx.status(e.status()).json(e.toError());
        });
    config.routes.exception(
        HttpResponseException.class,
        (e, ctx) ->
            ctx.status(e.getStatus())
                .json(ApiError.of(e.getStatus(), reason(e.getStatus()), e.getMessage())));
    config.routes.exception(
        Exception.class,
        (e, ctx) -> {
          int clientError = clientError(e);
          if (clientError > 0) {
            // the request itself was broken (a body that ends early, a bad chunk): the client's fault, not ours
            ctx.status(clientError).json(ApiError.of(clientError, reason(clientError), "The request is malformed: " + e.getMessage()));
            return;
          }
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          ctx.status(500).json(ApiError.of(500, "internal_error", "The server failed to answer; see its log."));
        });
    config.routes.error(
        404,
        "*",
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            ctx.json(ApiError.of(404, "not_found", "No route for " + ctx.method() + " " + ctx.path()));
          }
        });
    config.routes.error(
        405,
        "*",
        ctx -> ctx.json(ApiError.of(405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path())));
  }

  /** The 4xx a failure of reading the request carries (Jetty's own HTTP exceptions), or 0. */
  static int clientError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.eclipse.jetty.http.HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
        return http.getCode();
      }
    }
    return 0;
  }

  static String reason(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "payload_too_large";
      case 429 -> "too_many_requests";
      default -> status >= 500 ? "internal_error" : "bad_request";
    };
  }
}
