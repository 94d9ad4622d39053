package ai.digitaltwin.api.analytics;

import ai.digitaltwin.api.http.Window;
import ai.digitaltwin.api.twin.TwinRef;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;

/** HTTP for a twin's analytics (access checked before, by {@code TwinGate}). */
public final class AnalyticsController {
  private final AnalyticsService analytics;
  private final Clock clock;

  public AnalyticsController(AnalyticsService analytics, Clock clock) {
    this.analytics = analytics;
    this.clock = clock;
  }

  /** {@code GET /twins/{id}/analytics}: over the last 7 days by default. */
  public void analytics(Context ctx) {
    TwinRef twin = TwinRef.of(ctx);
    Window window = Window.of(ctx, clock, Duration.ofDays(7), Window.MAX_TWIN_VIEW);
    ctx.json(analytics.analytics(twin.id(), twin.row(), window));
  }
}
