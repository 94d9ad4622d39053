package ai.digitaltwin.jobs.maintenance;

import ai.digitaltwin.catalog.CatalogConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs {@link TableMaintenance} once. Environment: {@code COMPACT_MIN_FILES} (default 4: a partition
 * with fewer files is left alone unless one is not yet sorted), {@code SNAPSHOT_RETENTION_MS} (default 3600000), {@code
 * SNAPSHOT_RETAIN_LAST} (default 20), and the catalog's {@code ICEBERG_*} keys.
 */
public final class MaintenanceJob {
  private MaintenanceJob() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    Path dataDir = Path.of(env.getOrDefault("TWIN_DATA_DIR", "data"));
    CatalogConfig catalog = CatalogConfig.fromEnv(env, dataDir);
    int minFiles = positive(env, "COMPACT_MIN_FILES", 4);
    Duration retention = Duration.ofMillis(positive(env, "SNAPSHOT_RETENTION_MS", 3_600_000));
    int retainLast = positive(env, "SNAPSHOT_RETAIN_LAST", 20);
    StreamExecutionEnvironment flink = StreamExecutionEnvironment.getExecutionEnvironment();
    for (TableMaintenance.Result r : TableMaintenance.run(flink, catalog, minFiles, retention, retainLast, Instant.now())) {
      System.out.println(r);
    }
  }

  private static int positive(Map<String, String> env, String key, int fallback) {
    String value = env.get(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(key + " must be a positive integer, got '" + value + "'");
  }
}
