package ai.digitaltwin.api;

import ai.digitaltwin.catalog.CatalogConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Configuration of the query API, from the environment.
 *
 * <ul>
 *   <li>{@code PORT} — HTTP port, default 8000 (0 picks a free one)
 *   <li>{@code HOST} — bind address, default 127.0.0.1
 *   <li>{@code TWIN_DATA_DIR} — state directory, default ./data
 *   <li>{@code KAFKA_BOOTSTRAP_SERVERS} — default 127.0.0.1:9092
 *   <li>{@code QUERY_TIMEOUT_MS} — per-query timeout, default 10000
 *   <li>{@code SNAPSHOT_POLL_MS} — how often Iceberg is asked for new snapshots, default 1000
 *   <li>the catalog keys of {@link CatalogConfig}
 * </ul>
 */
public record ApiConfig(
    String host,
    int port,
    Path dataDir,
    String kafkaBootstrap,
    CatalogConfig catalog,
    Duration queryTimeout,
    Duration snapshotPoll) {

  public ApiConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("PORT must be in 0..65535, got " + port);
    }
    if (queryTimeout.isNegative() || queryTimeout.isZero()) {
      throw new IllegalArgumentException("QUERY_TIMEOUT_MS must be positive");
    }
    if (snapshotPoll.isNegative() || snapshotPoll.isZero()) {
      throw new IllegalArgumentException("SNAPSHOT_POLL_MS must be positive");
    }
  }

  public static ApiConfig fromEnv(Map<String, String> env) {
    Path dataDir = Path.of(env.getOrDefault("TWIN_DATA_DIR", "data"));
    return new ApiConfig(
        env.getOrDefault("HOST", "127.0.0.1"),
        intValue(env, "PORT", 8000),
        dataDir,
        env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
        CatalogConfig.fromEnv(env, dataDir),
        Duration.ofMillis(intValue(env, "QUERY_TIMEOUT_MS", 10_000)),
        Duration.ofMillis(intValue(env, "SNAPSHOT_POLL_MS", 1_000)));
  }

  static int intValue(Map<String, String> env, String key, int defaultValue) {
    String raw = env.get(key);
    if (raw == null || raw.isBlank()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, got '" + raw + "'");
    }
  }
}
