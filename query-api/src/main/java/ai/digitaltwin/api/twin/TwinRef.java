package ai.digitaltwin.api.twin;

import io.javalin.http.Context;
import java.util.Objects;

/**
 * The twin a request under {@code /twins/{id}} is about, once {@link TwinGate} has checked that the caller
 * may do what the route declares: its id and its current registry row (this API's own edits included).
 */
public record TwinRef(String id, RegistryRow row) {
  static final String ATTRIBUTE = "twin.ref";

  public TwinRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(row, "row");
  }

  /** The checked twin of this request; only routes whose {@link TwinAccess} the gate checks have one. */
  public static TwinRef of(Context ctx) {
    TwinRef twin = ctx.attribute(ATTRIBUTE);
    if (twin == null) {
      // a wiring mistake, not the caller's: the route is outside /twins/{id} or checks access itself
      throw new IllegalStateException("No checked twin on " + ctx.method() + " " + ctx.path()
          + ": only routes under /twins/{id} declaring READ, PROFILE or WRITE have one");
    }
    return twin;
  }

  public String owner() {
    return row.owner();
  }

  /** The seed the generator simulates it from; null for a real person's twin. */
  public Long seed() {
    return row.seed();
  }
}
