package ai.digitaltwin.submit;

import ai.digitaltwin.config.Env;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

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

  /** Reads the variables above; a bad value stops with the variable's name. */
  public static SubmitConfig fromEnv(Env env) {
    List<String> args = new ArrayList<>();
    for (String key : FORWARDED) {
      env.string(key).ifPresent(value -> args.add(key + "=" + value));
    }
    for (String arg : env.list("JOB_EXTRA_ARGS", "\\s+")) {
      if (!arg.contains("=")) {
        throw env.bad("JOB_EXTRA_ARGS", "space-separated KEY=VALUE pairs");
      }
      args.add(arg);
    }
    return new SubmitConfig(
        env.parsed("FLINK_REST_URL", URI.create("http://127.0.0.1:8081"), "a URL", URI::create),
        env.path("JOB_JAR", Path.of("twin-flink-app.jar")),
        env.integer("JOB_PARALLELISM", 1, 1, Integer.MAX_VALUE),
        env.string("SAVEPOINT_PATH").orElse(null),
        env.string("SAVEPOINT_DIR").orElse(null),
        env.duration("SUBMIT_TIMEOUT_SECONDS", ChronoUnit.SECONDS, 300, 1, Long.MAX_VALUE),
        env.string("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
        env.integer("KAFKA_PARTITIONS", 4, 1, Integer.MAX_VALUE),
        (short) env.integer("KAFKA_REPLICATION", 3, 1, Short.MAX_VALUE),
        args,
        env.duration("ROLLUP_INTERVAL_SECONDS", ChronoUnit.SECONDS, 0, 0, Long.MAX_VALUE));
  }
}
