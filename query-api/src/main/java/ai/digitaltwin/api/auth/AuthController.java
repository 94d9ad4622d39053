package ai.digitaltwin.api.auth;

import ai.digitaltwin.api.error.ApiException;
import ai.digitaltwin.api.http.Json;
import io.javalin.http.Context;
import java.util.Optional;

/** {@code /api/v1/auth}: register, login (rate limited) and who-am-I. */
public final class AuthController {
  /** Register body; {@code role} other than {@code user} needs an admin's token. */
  public record RegisterRequest(String username, String password, String role) {}

  public record LoginRequest(String username, String password) {}

  /** An address may fail ten times as often as one username: people behind one NAT share it. */
  static final int ADDRESS_BUDGET = 10;

  private final UserDirectory users;
  private final Tokens tokens;
  private final LoginLimiter limiter;

  public AuthController(UserDirectory users, Tokens tokens, LoginLimiter limiter) {
    this.users = users;
    this.tokens = tokens;
    this.limiter = limiter;
  }

  public void register(Context ctx) {
    RegisterRequest body = Json.body(ctx, RegisterRequest.class);
    Role role = body.role() == null ? Role.USER : Role.parse(body.role(), "role");
    if (role != Role.USER) {
      Principal caller = ctx.attribute(Principal.ATTRIBUTE);
      if (caller == null || !caller.isAdmin()) {
        throw new ApiException(403, "forbidden", "Only an admin may create a user with role " + role.wire(), "role");
      }
    }
    User user = users.register(body.username(), body.password(), role);
    ctx.status(201).json(describe(user));
  }

  public void login(Context ctx) {
    LoginRequest body = Json.body(ctx, LoginRequest.class);
    if (body.username() == null || body.password() == null) {
      throw ApiException.badRequest(
          (body.username() == null ? "username" : "password") + " is required",
          body.username() == null ? "username" : "password");
    }
    String userKey = "user:" + body.username();
    String ipKey = "ip:" + ctx.ip();
    long wait = Math.max(limiter.retryAfterSeconds(userKey, 1), limiter.retryAfterSeconds(ipKey, ADDRESS_BUDGET));
    if (wait > 0) {
      ctx.header("Retry-After", String.valueOf(wait));
      throw new ApiException(429, "too_many_requests", "Too many failed logins; retry in " + wait + " s", null);
    }
    Optional<User> user = users.authenticate(body.username(), body.password());
    if (user.isEmpty()) {
      limiter.failed(userKey);
      limiter.failed(ipKey);
      throw Tokens.unauthorized("Wrong username or password");
    }
    limiter.succeeded(userKey);
    Tokens.Issued issued = tokens.issue(user.get());
    ctx.json(new Token(
        issued.token(),
        "Bearer",
        issued.expiresAt().toString(),
        issued.expiresAt().getEpochSecond() - issued.issuedAt().getEpochSecond(),
        describe(user.get())));
  }

  public void me(Context ctx) {
    Principal principal = Principal.of(ctx);
    User user =
        users.find(principal.username()).orElseThrow(() -> Tokens.unauthorized("Token's user does not exist"));
    ctx.json(describe(user));
  }

  /** The answer of a login: the bearer token, when it expires (and in how many seconds), and who it is for. */
  public record Token(String accessToken, String tokenType, String expiresAt, long expiresIn, Account user) {}

  /** A user as the API shows it: never its password hash. */
  public record Account(String username, String role, String createdAt) {}

  static Account describe(User user) {
    return new Account(user.username(), user.role().wire(), user.createdAt().toString());
  }
}
