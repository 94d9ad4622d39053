package ai.digitaltwin.api.twin;

import ai.digitaltwin.api.auth.Principal;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import java.util.Collection;
import java.util.List;

/**
 * The one access check of every route under {@code /twins/{id}}, run before the route (as a
 * {@code beforeMatched}: after the token is verified, and not at all for an unknown route or method, which
 * stay a 404 or 405). It validates the id, applies the {@link TwinAccess} the route declares and puts the
 * {@link TwinRef} on the request, so that controllers neither parse the id nor check access again.
 */
public final class TwinGate {
  /** Where the routes it guards begin; each route below it must declare exactly one {@link TwinAccess}. */
  public static final String PATH = "/api/v1/twins/{id}";

  private static final String ID = "twin.id";

  private final TwinService twins;

  public TwinGate(TwinService twins) {
    this.twins = twins;
  }

  public void check(Context ctx) {
    String id = TwinIds.require(ctx.pathParam("id"));
    ctx.attribute(ID, id);
    Principal caller = Principal.of(ctx);
    RegistryRow registry = switch (declared(ctx.routeRoles(), ctx.method() + " " + ctx.path())) {
      case READ -> twins.readable(id, caller);
      case PROFILE -> twins.current(id, caller);
      case WRITE -> twins.writable(id, caller);
      case CREATE_OR_WRITE -> null; // ImportedTwins.ensure checks: an unknown twin is created, not refused
    };
    if (registry != null) {
      ctx.attribute(TwinRef.ATTRIBUTE, new TwinRef(id, registry));
    }
  }

  /**
   * The validated id, for the route that checks access itself ({@link TwinAccess#CREATE_OR_WRITE}); every
   * other route reads {@link TwinRef#of}.
   */
  public static String id(Context ctx) {
    String id = ctx.attribute(ID);
    if (id == null) {
      throw new IllegalStateException("No twin id on " + ctx.method() + " " + ctx.path() + ": the route is not under " + PATH);
    }
    return id;
  }

  /**
   * Refuses to build an API in which a route under {@link #PATH} declares no access, or more than one: a
   * forgotten declaration fails at start, not on the first request of that route.
   */
  public static void requireDeclared(List<Endpoint> endpoints) {
    for (Endpoint endpoint : endpoints) {
      if (endpoint.method.isHttpMethod() && endpoint.path.startsWith(PATH)) {
        Roles roles = endpoint.metadata(Roles.class);
        declared(roles == null ? List.of() : roles.getRoles(), endpoint.method + " " + endpoint.path);
      }
    }
  }

  private static TwinAccess declared(Collection<?> roles, String route) {
    List<TwinAccess> access = roles.stream().filter(TwinAccess.class::isInstance).map(TwinAccess.class::cast).toList();
    if (access.size() != 1) {
      throw new IllegalStateException(route + " must declare exactly one TwinAccess, has " + access);
    }
    return access.get(0);
  }
}
