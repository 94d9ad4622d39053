package ai.digitaltwin.jobs;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** Typed reads of environment variables with defaults and exact error messages. */
final class EnvReader {
  private final Map<String, String> env;

  EnvReader(Map<String, String> env) {
    this.env = env;
  }

  String text(String key, String fallback) {
    String value = env.get(key);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  long positiveLong(String key, long fallback) {
    String value = env.get(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value.trim());
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below with the key's name
    }
    throw new IllegalArgumentException(key + " must be a positive integer, got '" + value + "'");
  }

  Duration millis(String key, long fallbackMillis) {
    return Duration.ofMillis(positiveLong(key, fallbackMillis));
  }

  boolean bool(String key, boolean fallback) {
    String value = env.get(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new IllegalArgumentException(key + " must be true or false, got '" + value + "'");
    };
  }
}
