package ai.digitaltwin.submit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Configuration of the submitter, from the environment:
 *
 * <ul>
 *   <li>{@code FLINK_REST_URL} — the JobManager's REST endpoint, default {@code http://127.0.0.1:8081}
 *   <li>{@code JOB_JAR} — the application jar, default {@code twin-flink-app.jar}
 *   <li>{@code JOB_PARALLELISM} — parallelism of the job, default 1; the cluster must offer that many slots
 *   <li>{@code SAVEPOINT_PATH} — a savepoint or retained checkpoint to resume from; default none
 *   <li>{@code SAVEPOINT_DIR} — where {@code stop} writes its savepoint; default the cluster's
 *       {@code execution.checkpointing.savepoint-dir}
 *   <li>{@code SUBMIT_TIMEOUT_SECONDS} — how long to wait for the cluster and for the job, default 300
 *   <li>{@code ROLLUP_INTERVAL_SECONDS} — for {@code rollup}: seconds between the end of one rollup and the
 *       start of the next; default 0, one rollup and exit
 *   <li>{@code KAFKA_BOOTSTRAP_SERVERS} — where the project's topics are created before the job starts,
 *       default {@code 127.0.0.1:9092}; {@code KAFKA_PARTITIONS} (default 4) and {@code KAFKA_REPLICATION}
 *       (default 3) for topics that do not exist yet
 *   <li>the job's own keys ({@link #FORWARDED}), passed to it as {@code KEY=VALUE} arguments, and
 *       {@code JOB_EXTRA_ARGS} (space-separated {@code KEY=VALUE}) for any other. Credentials are never
 *       forwarded: program arguments are visible in Flink's web UI; the TaskManagers read them from their
 *       own environment.
 * </ul>
 */
public record SubmitConfig(
    URI restUrl, Path jar, int parallelism, String savepointPath, String savepointDir, Duration timeout,
    String kafkaBootstrapServers, int partitions, short replication, List<String> jobArgs, Duration rollupInterval) {

  /** Keys of the stream job's configuration that the submitter hands on when they are set. */
  public static final List<String> FORWARDED =
      List.of(
          "KAFKA_BOOTSTRAP_SERVERS", "KAFKA_GROUP_ID", "CHECKPOINT_INTERVAL_MS", "JOB_PARALLELISM",
          "WATERMARK_OUT_OF_ORDERNESS_MS", "SOURCE_IDLENESS_MS", "DEDUP_HORIZON_MS",
          "STATE_SNAPSHOT_INTERVAL_MS", "HOT_PATH_ENABLED", "ICEBERG_CATALOG", "ICEBERG_WAREHOUSE",
          "ICEBERG_REST_URI", "ICEBERG_IO_IMPL", "ICEBERG_S3_ENDPOINT", "ICEBERG_S3_PATH_STYLE",
          "ICEBERG_S3_REGION");

  public SubmitConfig {
    if (parallelism < 1) {
      throw new IllegalArgumentException("JOB_PARALLELISM must be at least 1, got " + parallelism);
    }
    jobArgs = List.copyOf(jobArgs);
  }

  public static SubmitConfig fromEnv(Map<String, String> env) {
    List<String> args = new ArrayList<>();
    for (String key : FORWARDED) {
      String value = env.get(key);
      if (value != null && !value.isBlank()) {
        args.add(key + "=" + value.trim());
      }
    }
    String extra = env.getOrDefault("JOB_EXTRA_ARGS", "").trim();
    if (!extra.isEmpty()) {
      for (String arg : extra.split("\\s+")) {
        if (!arg.contains("=")) {
          throw new IllegalArgumentException("JOB_EXTRA_ARGS must be KEY=VALUE pairs, got '" + arg + "'");
        }
        args.add(arg);
      }
    }
    return new SubmitConfig(
        URI.create(env.getOrDefault("FLINK_REST_URL", "http://127.0.0.1:8081")),
        Path.of(env.getOrDefault("JOB_JAR", "twin-flink-app.jar")),
        positive(env, "JOB_PARALLELISM", 1),
        blankToNull(env.get("SAVEPOINT_PATH")),
        blankToNull(env.get("SAVEPOINT_DIR")),
        Duration.ofSeconds(positive(env, "SUBMIT_TIMEOUT_SECONDS", 300)),
        env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
        positive(env, "KAFKA_PARTITIONS", 4),
        (short) positive(env, "KAFKA_REPLICATION", 3),
        args,
        Duration.ofSeconds(nonNegative(env, "ROLLUP_INTERVAL_SECONDS", 0)));
  }

  private static int positive(Map<String, String> env, String key, int fallback) {
    String raw = env.get(key);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the key
    }
    throw new IllegalArgumentException(key + " must be a positive integer, got '" + raw + "'");
  }

  private static int nonNegative(Map<String, String> env, String key, int fallback) {
    String raw = env.get(key);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the key
    }
    throw new IllegalArgumentException(key + " must be a non-negative integer, got '" + raw + "'");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
