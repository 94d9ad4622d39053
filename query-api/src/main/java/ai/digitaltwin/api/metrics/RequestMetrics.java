package ai.digitaltwin.api.metrics;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.time.Duration;

/** Times every request and counts it under its route template ({@code /api/v1/twins/{id}}), not its path. */
public final class RequestMetrics {
  private static final String START = "metrics.start";

  private final ApiMetrics metrics;

  public RequestMetrics(ApiMetrics metrics) {
    this.metrics = metrics;
  }

  public void install(JavalinConfig config) {
    config.routes.before(ctx -> ctx.attribute(START, System.nanoTime()));
    config.routes.after(this::record);
  }

  private void record(Context ctx) {
    Long start = ctx.attribute(START);
    if (start == null) {
      return;
    }
    metrics.request(
        ctx.method().name(), route(ctx), ctx.statusCode(), Duration.ofNanos(System.nanoTime() - start));
  }

  static String route(Context ctx) {
    try {
      Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
      return endpoint == null ? "unmatched" : endpoint.path;
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }
}
