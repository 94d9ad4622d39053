package ai.digitaltwin.stack;

import ai.digitaltwin.config.Env;
import ai.digitaltwin.jobs.maintenance.MaintenanceConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Configuration of the embedded stack, from the environment. The generator, job and API read their own
 * keys from the same environment; these are the ones only the stack has.
 *
 * <ul>
 *   <li>{@code TWIN_DATA_DIR} — all state (Kafka logs, checkpoints, warehouse), default ./data
 *   <li>{@code KAFKA_PORT} — the embedded broker's port on 127.0.0.1, 1..65535, default 9092
 *   <li>{@code KAFKA_CONTROLLER_PORT} — its KRaft controller port, 1..65535, default 9093
 *   <li>{@code KAFKA_PARTITIONS} — partitions per topic, 1..64, default 2
 *   <li>{@code MAINTENANCE_INTERVAL_MS} — table maintenance (compaction, snapshot expiry) every so often,
 *       default 300000 (5 min); 0 turns it off
 *   <li>{@code MAINTENANCE_BULK_RATE} — while the input topics take more events per second than this (an
 *       import, a backfill), a due maintenance run waits for the load to end (looking again every 15 s,
 *       for at most two intervals), default 2000; 0 never waits
 *   <li>{@code ROLLUP_INTERVAL_MS} — the incremental daily rollup into {@code daily_summaries} every so
 *       often, default 600000 (10 min); 0 turns it off
 *   <li>{@code COMPACT_MIN_FILES}, {@code SNAPSHOT_RETENTION_MS}, {@code SNAPSHOT_RETAIN_LAST} — how
 *       maintenance compacts and expires, see {@link MaintenanceConfig}
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
    MaintenanceConfig maintenance) {
  public StackConfig {
    if (kafkaPort == controllerPort) {
      throw new IllegalArgumentException("KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ");
    }
  }

  /** Reads the variables above; a bad value stops with the variable's name. */
  public static StackConfig fromEnv(Env env) {
    return new StackConfig(
        env.dataDir().toAbsolutePath(),
        env.integer("KAFKA_PORT", 9092, 1, 65535),
        env.integer("KAFKA_CONTROLLER_PORT", 9093, 1, 65535),
        env.integer("KAFKA_PARTITIONS", 2, 1, 64),
        env.duration("MAINTENANCE_INTERVAL_MS", ChronoUnit.MILLIS, 300_000, 0, Long.MAX_VALUE),
        env.integer("MAINTENANCE_BULK_RATE", 2_000, 0, Integer.MAX_VALUE),
        env.duration("ROLLUP_INTERVAL_MS", ChronoUnit.MILLIS, 600_000, 0, Long.MAX_VALUE),
        MaintenanceConfig.fromEnv(env));
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + kafkaPort;
  }
}
