package ai.digitaltwin.api;

import java.util.Map;

/** Typed reads of environment variables, each with a default and an exact error for a bad value. */
final class EnvValues {
  private final Map<String, String> env;

  EnvValues(Map<String, String> env) {
    this.env = env;
  }

  String string(String key, String defaultValue) {
    String raw = env.get(key);
    return raw == null || raw.isBlank() ? defaultValue : raw.trim();
  }

  /** The raw value, untrimmed (secrets and passwords are taken as given), or null. */
  String secret(String key) {
    String raw = env.get(key);
    return raw == null || raw.isEmpty() ? null : raw;
  }

  int integer(String key, int defaultValue, int min, int max) {
    String raw = env.get(key);
    if (raw == null || raw.isBlank()) {
      return defaultValue;
    }
    int value;
    try {
      value = Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, got '" + raw + "'");
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(key + " must be in " + min + ".." + max + ", got " + value);
    }
    return value;
  }

  boolean bool(String key, boolean defaultValue) {
    String raw = env.get(key);
    if (raw == null || raw.isBlank()) {
      return defaultValue;
    }
    return switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new IllegalArgumentException(key + " must be true or false, got '" + raw + "'");
    };
  }
}
