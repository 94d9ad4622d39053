package ai.digitaltwin.api.auth;

import ai.digitaltwin.api.error.ApiException;
import io.javalin.http.Context;

/** Who is calling: the verified token's subject with the role the user has now. */
public record Principal(String username, Role role) {
  static final String ATTRIBUTE = "principal";

  /** The caller of a request that passed {@link Authenticator}; 401 if there is none. */
  public static Principal of(Context ctx) {
    Principal principal = ctx.attribute(ATTRIBUTE);
    if (principal == null) {
      throw new ApiException(401, "unauthorized", "A bearer token is required", null);
    }
    return principal;
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /** 403 unless the caller has one of the roles. */
  public void require(Role... roles) {
    for (Role r : roles) {
      if (r == role) {
        return;
      }
    }
    throw new ApiException(403, "forbidden", "Role " + role.wire() + " may not do this", null);
  }

  /** May read a twin owned by {@code owner}: its owner, an analyst or an admin. */
  public boolean canRead(String owner) {
    return role.readsAll() || username.equals(owner);
  }

  /** May change a twin owned by {@code owner}: its owner or an admin. */
  public boolean canWrite(String owner) {
    return role == Role.ADMIN || username.equals(owner);
  }
}
