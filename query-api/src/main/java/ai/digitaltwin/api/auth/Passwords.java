package ai.digitaltwin.api.auth;

import ai.digitaltwin.api.error.ApiException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** BCrypt hashing (Spring Security's) and the password rules. */
public final class Passwords {
  /** BCrypt only looks at the first 72 bytes; longer passwords are refused rather than silently cut. */
  static final int MAX_BYTES = 72;

  private final BCryptPasswordEncoder encoder;
  private final String dummyHash;

  public Passwords(int strength) {
    this.encoder = new BCryptPasswordEncoder(strength);
    this.dummyHash = encoder.encode("not-a-real-password");
  }

  public String hash(String password) {
    check(password);
    return encoder.encode(password);
  }

  public boolean matches(String password, String hash) {
    if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return false;
    }
    return encoder.matches(password, hash);
  }

  /** Spends the time of a real check, so a missing user cannot be told from a wrong password by timing. */
  public void burn(String password) {
    matches(password == null ? "" : password, dummyHash);
  }

  static void check(String password) {
    if (password == null || password.length() < AuthConfig.MIN_PASSWORD_LENGTH) {
      throw ApiException.badRequest(
          "password must be at least " + AuthConfig.MIN_PASSWORD_LENGTH + " characters", "password");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw ApiException.badRequest("password must be at most " + MAX_BYTES + " bytes", "password");
    }
  }
}
