package ai.digitaltwin.jobs;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.config.Env;
import java.io.Serializable;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Configuration of the Flink jobs, read once from the environment. Every key has a default:
 *
 * <ul>
 *   <li>{@code KAFKA_BOOTSTRAP_SERVERS} — brokers, default {@code 127.0.0.1:9092}
 *   <li>{@code KAFKA_GROUP_ID} — consumer group of the stream job, default {@code twin-stream}
 *   <li>{@code CHECKPOINT_INTERVAL_MS} — checkpoint (and so Iceberg commit) interval, default 10000
 *   <li>{@code JOB_PARALLELISM} — default parallelism, default 1
 *   <li>{@code WATERMARK_OUT_OF_ORDERNESS_MS} — how late an event may be in event time, default 30000
 *   <li>{@code SOURCE_IDLENESS_MS} — after this much silence a source split stops holding back the
 *       watermark, default 30000
 *   <li>{@code DEDUP_HORIZON_MS} — event-time span over which duplicate event ids are dropped, default
 *       600000 (10 minutes)
 *   <li>{@code STATE_SNAPSHOT_INTERVAL_MS} — event-time cadence of twin state snapshots, default 300000
 *   <li>{@code HOT_PATH_ENABLED} — also write state and anomalies to Kafka, default {@code true}
 *   <li>{@code ICEBERG_*}, {@code TWIN_DATA_DIR} — the catalog, see {@link CatalogConfig#fromEnv}
 * </ul>
 */
public record JobConfig(
    String kafkaBootstrapServers,
    String groupId,
    Duration checkpointInterval,
    int parallelism,
    Duration maxOutOfOrderness,
    Duration sourceIdleness,
    Duration dedupHorizon,
    Duration snapshotInterval,
    boolean hotPathEnabled,
    CatalogConfig catalog)
    implements Serializable {

  public JobConfig {
    requireText(kafkaBootstrapServers, "KAFKA_BOOTSTRAP_SERVERS");
    requireText(groupId, "KAFKA_GROUP_ID");
    requirePositive(checkpointInterval, "CHECKPOINT_INTERVAL_MS");
    requirePositive(maxOutOfOrderness, "WATERMARK_OUT_OF_ORDERNESS_MS");
    requirePositive(sourceIdleness, "SOURCE_IDLENESS_MS");
    requirePositive(dedupHorizon, "DEDUP_HORIZON_MS");
    requirePositive(snapshotInterval, "STATE_SNAPSHOT_INTERVAL_MS");
    if (parallelism < 1) {
      throw new IllegalArgumentException("JOB_PARALLELISM must be at least 1, got " + parallelism);
    }
    Objects.requireNonNull(catalog, "catalog");
  }

  /** Reads the variables above; a bad value stops with the variable's name. */
  public static JobConfig fromEnv(Env env) {
    return new JobConfig(
        env.string("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
        env.string("KAFKA_GROUP_ID", "twin-stream"),
        millis(env, "CHECKPOINT_INTERVAL_MS", 10_000),
        env.integer("JOB_PARALLELISM", 1, 1, Integer.MAX_VALUE),
        millis(env, "WATERMARK_OUT_OF_ORDERNESS_MS", 30_000),
        millis(env, "SOURCE_IDLENESS_MS", 30_000),
        millis(env, "DEDUP_HORIZON_MS", 600_000),
        millis(env, "STATE_SNAPSHOT_INTERVAL_MS", 300_000),
        env.bool("HOT_PATH_ENABLED", true),
        CatalogConfig.fromEnv(env));
  }

  /** Defaults everywhere except the catalog: what tests start from. */
  public static JobConfig defaults(CatalogConfig catalog) {
    JobConfig d = fromEnv(Env.empty());
    return new JobConfig(
        d.kafkaBootstrapServers, d.groupId, d.checkpointInterval, d.parallelism, d.maxOutOfOrderness,
        d.sourceIdleness, d.dedupHorizon, d.snapshotInterval, d.hotPathEnabled, catalog);
  }

  public JobConfig withParallelism(int value) {
    return new JobConfig(
        kafkaBootstrapServers, groupId, checkpointInterval, value, maxOutOfOrderness, sourceIdleness,
        dedupHorizon, snapshotInterval, hotPathEnabled, catalog);
  }

  public JobConfig withKafka(String bootstrapServers, String group) {
    return new JobConfig(
        bootstrapServers, group, checkpointInterval, parallelism, maxOutOfOrderness, sourceIdleness,
        dedupHorizon, snapshotInterval, hotPathEnabled, catalog);
  }

  public JobConfig withCheckpointInterval(Duration value) {
    return new JobConfig(
        kafkaBootstrapServers, groupId, value, parallelism, maxOutOfOrderness, sourceIdleness,
        dedupHorizon, snapshotInterval, hotPathEnabled, catalog);
  }

  private static Duration millis(Env env, String name, long fallback) {
    return env.duration(name, ChronoUnit.MILLIS, fallback, 1, Long.MAX_VALUE);
  }

  private static void requireText(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " must not be blank");
    }
  }

  private static void requirePositive(Duration value, String key) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + " must be a positive number of milliseconds, got " + value);
    }
  }
}
