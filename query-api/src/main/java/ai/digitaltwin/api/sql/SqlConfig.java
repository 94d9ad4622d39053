package ai.digitaltwin.api.sql;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Limits of the SQL endpoint's sandbox database.
 *
 * @param maxRows most rows one answer carries (a request's {@code limit} may only lower it)
 * @param memoryLimit DuckDB {@code memory_limit} of the sandbox, e.g. {@code 512MB}
 * @param threads DuckDB {@code threads} of the sandbox
 * @param timeout per-query timeout; whole seconds, as JDBC counts them
 */
public record SqlConfig(int maxRows, String memoryLimit, int threads, Duration timeout) {
  /** What {@code memoryLimit} may be: DuckDB's own syntax, digits and a unit. */
  public static final String MEMORY_LIMIT = "[0-9]{1,6}(KB|MB|GB)";

  private static final Pattern MEMORY = Pattern.compile(MEMORY_LIMIT);

  public SqlConfig {
    if (maxRows < 1) {
      throw new IllegalArgumentException("SQL_MAX_ROWS must be at least 1");
    }
    if (!MEMORY.matcher(memoryLimit).matches()) {
      throw new IllegalArgumentException(
          "SQL_MEMORY_LIMIT must look like 512MB or 2GB, got '" + memoryLimit + "'");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("SQL_THREADS must be at least 1");
    }
    if (timeout.toMillis() < 1000) {
      throw new IllegalArgumentException("SQL_TIMEOUT_MS must be at least 1000 (JDBC counts whole seconds)");
    }
  }
}
