package ai.digitaltwin.api.auth;

import io.javalin.http.Context;
import java.util.Set;

/**
 * Runs before every matched route under {@code /api/v1}: verifies the bearer token and puts the
 * {@link Principal} on the request. Register and login need no token (register reads one if given, so
 * an admin can create analysts and admins). The role comes from the user directory, not from the
 * token, so a changed role applies at once; a token of a user who no longer exists is refused.
 */
public final class Authenticator {
  static final Set<String> OPEN = Set.of("/api/v1/auth/register", "/api/v1/auth/login");

  private final Tokens tokens;
  private final UserDirectory users;

  public Authenticator(Tokens tokens, UserDirectory users) {
    this.tokens = tokens;
    this.users = users;
  }

  public void handle(Context ctx) {
    boolean open = OPEN.contains(ctx.path());
    String token = token(ctx);
    if (token == null) {
      if (open) {
        return;
      }
      throw Tokens.unauthorized("A bearer token is required (Authorization: Bearer <token>)");
    }
    String username = tokens.verify(token);
    User user =
        users.find(username).orElseThrow(() -> Tokens.unauthorized("Token's user does not exist"));
    ctx.attribute(Principal.ATTRIBUTE, new Principal(user.username(), user.role()));
  }

  /**
   * The token from the Authorization header; for server-sent events also from {@code access_token},
   * since a browser's EventSource cannot set headers.
   */
  static String token(Context ctx) {
    String header = ctx.header("Authorization");
    if (header != null) {
      if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
      }
      throw Tokens.unauthorized("Authorization header must be 'Bearer <token>'");
    }
    if (ctx.path().endsWith("/stream")) {
      return ctx.queryParam("access_token");
    }
    return null;
  }
}
