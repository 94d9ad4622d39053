package ai.digitaltwin.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Configuration of the embedded stack, from the environment. The generator, job and API read their own
 * keys from the same environment; these are the ones only the stack has.
 *
 * <ul>
 *   <li>{@code TWIN_DATA_DIR} — all state (Kafka logs, checkpoints, warehouse), default ./data
 *   <li>{@code KAFKA_PORT} — the embedded broker's port on 127.0.0.1, default 9092
 *   <li>{@code KAFKA_CONTROLLER_PORT} — its KRaft controller port, default 9093
 *   <li>{@code KAFKA_PARTITIONS} — partitions per topic, default 2
 *   <li>{@code MAINTENANCE_INTERVAL_MS} — table maintenance (compaction, snapshot expiry) every so often,
 *       default 300000 (5 min); 0 turns it off
 *   <li>{@code MAINTENANCE_BULK_RATE} — while the input topics take more events per second than this (an
 *       import, a backfill), a due maintenance run waits for the load to end (looking again every 15 s,
 *       for at most two intervals), default 2000; 0 never waits
 *   <li>{@code ROLLUP_INTERVAL_MS} — the incremental daily rollup into {@code daily_summaries} every so
 *       often, default 600000 (10 min); 0 turns it off
 *   <li>{@code COMPACT_MIN_FILES} — a day partition with fewer data files is not rewritten unless one is not yet sorted, default 4
 *   <li>{@code SNAPSHOT_RETENTION_MS} — snapshots younger than this are never expired, default 3600000
 *   <li>{@code SNAPSHOT_RETAIN_LAST} — the newest snapshots kept whatever their age, default 20
 * </ul>
 */
public record StackConfig(
    Path dataDir,
    int kafkaPort,
    int controllerPort,
    int partitions,
    Duration maintenanceInterval,
    int maintenanceBulkRate,
    Duration rollupInterval,
    int compactMinFiles,
    Duration snapshotRetention,
    int snapshotRetainLast) {
  public StackConfig {
    requirePort("KAFKA_PORT", kafkaPort);
    requirePort("KAFKA_CONTROLLER_PORT", controllerPort);
    if (kafkaPort == controllerPort) {
      throw new IllegalArgumentException("KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ");
    }
    if (partitions < 1 || partitions > 64) {
      throw new IllegalArgumentException("KAFKA_PARTITIONS must be in 1..64, got " + partitions);
    }
    if (maintenanceInterval.isNegative()) {
      throw new IllegalArgumentException("MAINTENANCE_INTERVAL_MS must be 0 or more, got " + maintenanceInterval.toMillis());
    }
    if (maintenanceBulkRate < 0) {
      throw new IllegalArgumentException("MAINTENANCE_BULK_RATE must be 0 or more, got " + maintenanceBulkRate);
    }
    if (rollupInterval.isNegative()) {
      throw new IllegalArgumentException("ROLLUP_INTERVAL_MS must be 0 or more, got " + rollupInterval.toMillis());
    }
    requirePositive("COMPACT_MIN_FILES", compactMinFiles);
    requirePositive("SNAPSHOT_RETENTION_MS", snapshotRetention.toMillis());
    requirePositive("SNAPSHOT_RETAIN_LAST", snapshotRetainLast);
  }

  public static StackConfig fromEnv(Map<String, String> env) {
    return new StackConfig(
        Path.of(env.getOrDefault("TWIN_DATA_DIR", "data")).toAbsolutePath(),
        intValue(env, "KAFKA_PORT", 9092),
        intValue(env, "KAFKA_CONTROLLER_PORT", 9093),
        intValue(env, "KAFKA_PARTITIONS", 2),
        Duration.ofMillis(intValue(env, "MAINTENANCE_INTERVAL_MS", 300_000)),
        intValue(env, "MAINTENANCE_BULK_RATE", 2_000),
        Duration.ofMillis(intValue(env, "ROLLUP_INTERVAL_MS", 600_000)),
        intValue(env, "COMPACT_MIN_FILES", 4),
        Duration.ofMillis(intValue(env, "SNAPSHOT_RETENTION_MS", 3_600_000)),
        intValue(env, "SNAPSHOT_RETAIN_LAST", 20));
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + kafkaPort;
  }

  private static void requirePositive(String key, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(key + " must be a positive integer, got " + value);
    }
  }

  private static void requirePort(String key, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(key + " must be in 1..65535, got " + port);
    }
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
