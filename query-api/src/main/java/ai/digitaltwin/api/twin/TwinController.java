package ai.digitaltwin.api.twin;

import ai.digitaltwin.api.error.ApiException;
import io.javalin.http.Context;

/** HTTP for twins: parses and validates input, calls {@link TwinService}, writes JSON. */
public final class TwinController {
  private final TwinService twins;

  public TwinController(TwinService twins) {
    this.twins = twins;
  }

  public void list(Context ctx) {
    int limit = intParam(ctx, "limit", 50, 1, 1000);
    int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    ctx.json(twins.list(limit, offset));
  }

  public void get(Context ctx) {
    ctx.json(twins.get(TwinIds.require(ctx.pathParam("id"))));
  }

  public void health(Context ctx) {
    String id = TwinIds.require(ctx.pathParam("id"));
    ctx.json(twins.health(id, intParam(ctx, "limit", 10, 1, 1000)));
  }

  static int intParam(Context ctx, String name, int defaultValue, int min, int max) {
    return ai.digitaltwin.api.http.Params.integer(ctx, name, defaultValue, min, max);
  }
}
