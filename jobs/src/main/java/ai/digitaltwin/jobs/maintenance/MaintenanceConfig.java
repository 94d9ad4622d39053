package ai.digitaltwin.jobs.maintenance;

import ai.digitaltwin.config.Env;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * How {@link TableMaintenance} compacts and expires, from the environment; read by {@code ./twin batch
 * maintenance} and by the embedded stack's schedule:
 *
 * <ul>
 *   <li>{@code COMPACT_MIN_FILES} — a day partition with fewer data files is not rewritten unless one of
 *       them is not yet sorted, default 4
 *   <li>{@code SNAPSHOT_RETENTION_MS} — snapshots younger than this are never expired, default 3600000
 *   <li>{@code SNAPSHOT_RETAIN_LAST} — the newest snapshots kept whatever their age, default 20
 * </ul>
 */
public record MaintenanceConfig(int compactMinFiles, Duration snapshotRetention, int snapshotRetainLast) {
  public MaintenanceConfig {
    if (compactMinFiles < 1) {
      throw new IllegalArgumentException("COMPACT_MIN_FILES must be at least 1, got " + compactMinFiles);
    }
    if (snapshotRetention.toMillis() < 1) {
      throw new IllegalArgumentException("SNAPSHOT_RETENTION_MS must be at least 1, got " + snapshotRetention.toMillis());
    }
    if (snapshotRetainLast < 1) {
      throw new IllegalArgumentException("SNAPSHOT_RETAIN_LAST must be at least 1, got " + snapshotRetainLast);
    }
  }

  /** Reads the variables above; a bad value stops with the variable's name. */
  public static MaintenanceConfig fromEnv(Env env) {
    return new MaintenanceConfig(
        env.integer("COMPACT_MIN_FILES", 4, 1, Integer.MAX_VALUE),
        env.duration("SNAPSHOT_RETENTION_MS", ChronoUnit.MILLIS, 3_600_000, 1, Long.MAX_VALUE),
        env.integer("SNAPSHOT_RETAIN_LAST", 20, 1, Integer.MAX_VALUE));
  }
}
