package ai.digitaltwin.api.timetravel;

import ai.digitaltwin.api.error.ApiException;
import ai.digitaltwin.api.http.Params;
import ai.digitaltwin.api.twin.TwinRef;
import io.javalin.http.Context;
import java.time.Instant;

/** HTTP for a twin's state at another time (access checked before, by {@code TwinGate}). */
public final class TimeTravelController {
  private final StateAsOf state;

  public TimeTravelController(StateAsOf state) {
    this.state = state;
  }

  /**
   * {@code GET /twins/{id}/state}: {@code as_of} (event time) or {@code system_time} (what the system showed
   * then); exactly one.
   */
  public void state(Context ctx) {
    String id = TwinRef.of(ctx).id();
    Instant asOf = Params.instant(ctx, "as_of");
    Instant systemTime = Params.instant(ctx, "system_time");
    if ((asOf == null) == (systemTime == null)) {
      throw ApiException.badRequest("Give exactly one of as_of (event time) or system_time", "as_of");
    }
    if (asOf != null) {
      ctx.json(state.asOf(id, asOf));
    } else {
      ctx.json(state.systemTime(id, systemTime));
    }
  }
}
