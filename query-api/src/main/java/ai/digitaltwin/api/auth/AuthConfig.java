package ai.digitaltwin.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * How tokens are signed and logins limited.
 *
 * @param jwtSecret HS256 key; at least {@value #MIN_SECRET_LENGTH} characters outside dev mode
 * @param devMode {@code TWIN_DEV_MODE=true}: a missing secret is replaced by a random one per process
 * @param generatedSecret true when the secret was generated (tokens die with the process)
 * @param tokenTtl lifetime of an issued token
 * @param adminPassword when set and no admin exists at start, user {@code admin} is created with it
 * @param loginMaxFailures failed logins allowed per username and per client address within the window
 * @param loginWindow the window of that limit
 */
public record AuthConfig(
    String jwtSecret,
    boolean devMode,
    boolean generatedSecret,
    Duration tokenTtl,
    String adminPassword,
    int loginMaxFailures,
    Duration loginWindow) {
  public static final int MIN_SECRET_LENGTH = 32;
  public static final int MIN_PASSWORD_LENGTH = 8;

  /** Values seen in templates and tutorials: a secret that is published is no secret. */
  static final Set<String> KNOWN_DEFAULTS =
      Set.of(
          "secret", "changeme", "change-me", "change_me", "changeit", "default", "jwt-secret", "jwt_secret",
          "your-secret-key", "your_secret_key", "your-256-bit-secret", "supersecret", "dev", "development",
          "test", "password", "dev-secret-change-me-please-0123456789");

  public AuthConfig {
    if (!devMode) {
      checkSecret(jwtSecret);
    } else if (jwtSecret == null || jwtSecret.isEmpty()) {
      throw new IllegalArgumentException("JWT secret is empty");
    }
    if (tokenTtl.isNegative() || tokenTtl.isZero()) {
      throw new IllegalArgumentException("JWT_TTL_MINUTES must be positive");
    }
    if (adminPassword != null && adminPassword.length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalArgumentException(
          "ADMIN_PASSWORD must be at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (loginMaxFailures < 1) {
      throw new IllegalArgumentException("LOGIN_MAX_FAILURES must be at least 1");
    }
  }

  /**
   * The secret from {@code JWT_SECRET}; in dev mode a missing one is generated. Outside dev mode a
   * missing, short or published secret stops the start with a message saying what to do.
   */
  public static AuthConfig of(
      String jwtSecret, boolean devMode, Duration ttl, String adminPassword, int maxFailures, Duration window) {
    boolean generated = false;
    String secret = jwtSecret;
    if ((secret == null || secret.isEmpty()) && devMode) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      secret = Base64.getEncoder().encodeToString(random);
      generated = true;
    }
    return new AuthConfig(secret, devMode, generated, ttl, adminPassword, maxFailures, window);
  }

  static void checkSecret(String secret) {
    String hint =
        " Set JWT_SECRET to at least " + MIN_SECRET_LENGTH + " random characters"
            + " (e.g. `openssl rand -base64 48`), or TWIN_DEV_MODE=true for a throw-away one.";
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("JWT_SECRET is not set." + hint);
    }
    if (KNOWN_DEFAULTS.contains(secret.trim().toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("JWT_SECRET is a well-known default value." + hint);
    }
    if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "JWT_SECRET is too short (" + secret.length() + " characters)." + hint);
    }
    if (secret.chars().distinct().count() < 8) {
      throw new IllegalArgumentException("JWT_SECRET has too few distinct characters." + hint);
    }
  }

  /** Never prints the secret or the admin password. */
  @Override
  public String toString() {
    return "AuthConfig[devMode=" + devMode + ", generatedSecret=" + generatedSecret + ", tokenTtl=" + tokenTtl
        + ", adminPassword=" + (adminPassword == null ? "unset" : "set") + ", loginMaxFailures="
        + loginMaxFailures + ", loginWindow=" + loginWindow + "]";
  }
}
