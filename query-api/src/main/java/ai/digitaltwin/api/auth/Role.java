package ai.digitaltwin.api.auth;

import ai.digitaltwin.api.error.ApiException;
import java.util.Locale;

/** What a user may do: {@code user} its own twins, {@code analyst} also SQL and every read, {@code admin} all. */
public enum Role {
  USER,
  ANALYST,
  ADMIN;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role parse(String raw, String field) {
    if (raw != null) {
      for (Role role : values()) {
        if (role.wire().equals(raw)) {
          return role;
        }
      }
    }
    throw ApiException.badRequest(field + " must be one of user, analyst, admin, got '" + raw + "'", field);
  }

  /** Reads every twin and its history, not only its own. */
  public boolean readsAll() {
    return this == ANALYST || this == ADMIN;
  }
}
