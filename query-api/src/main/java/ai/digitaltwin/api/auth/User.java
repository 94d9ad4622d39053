package ai.digitaltwin.api.auth;

import java.time.Instant;

/** An API user as the users topic last said it is. The hash is BCrypt; the password is never kept. */
public record User(String username, String passwordHash, Role role, Instant createdAt) {
  @Override
  public String toString() {
    return "User[" + username + ", " + role.wire() + "]";
  }
}
