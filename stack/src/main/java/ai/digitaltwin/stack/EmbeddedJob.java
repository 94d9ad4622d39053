package ai.digitaltwin.stack;

import ai.digitaltwin.api.system.ComponentCheck;
import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.jobs.stream.Checkpoints;
import ai.digitaltwin.jobs.stream.TwinStreamJob;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream job on a Flink MiniCluster inside this JVM. Checkpoints live under the data directory and
 * are kept on cancellation, so a restart (after Ctrl-C or kill -9) resumes from the newest one: Kafka
 * offsets and Iceberg commits come back together, nothing is lost or written twice.
 */
final class EmbeddedJob implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedJob.class);

  private static final long STATUS_TIMEOUT_S = 5;

  private final JobClient client;
  private final Path checkpointDir;
  private final Optional<Path> restoredFrom;
  private final JobRestarts restarts;
  private volatile Path savepoint;

  private EmbeddedJob(JobClient client, Path checkpointDir, Optional<Path> restoredFrom, JobRestarts restarts) {
    this.client = client;
    this.checkpointDir = checkpointDir;
    this.restoredFrom = restoredFrom;
    this.restarts = restarts;
  }

  static EmbeddedJob start(JobConfig config, Path checkpointDir) throws Exception {
    Optional<Path> restore = Checkpoints.latest(checkpointDir);
    Configuration conf = Checkpoints.localConfiguration(checkpointDir);
    conf.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, savepoints(checkpointDir));
    conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 2);
    conf.set(TaskManagerOptions.NUM_TASK_SLOTS, Math.max(4, config.parallelism() * 4));
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
    JobRestarts restarts = JobRestarts.configure(conf);
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(config.parallelism(), conf);
    TwinStreamJob.define(env, config);
    JobClient client = env.executeAsync(TwinStreamJob.NAME);
    restore.ifPresent(p -> LOG.info("stream job resumed from {}", p));
    return new EmbeddedJob(client, checkpointDir, restore, restarts);
  }

  private static String savepoints(Path checkpointDir) {
    return checkpointDir.resolve("savepoints").toAbsolutePath().toUri().toString();
  }

  Optional<Path> restoredFrom() {
    return restoredFrom;
  }

  ComponentCheck check() {
    return new ComponentCheck() {
      @Override
      public String name() {
        return "flink";
      }

      @Override
      public Status check() {
        try {
          // the dispatcher answers within milliseconds, but a checkpoint's commit with a full collection on a
          // busy two-core machine has held it for over two seconds
          JobStatus status = client.getJobStatus().get(STATUS_TIMEOUT_S, TimeUnit.SECONDS);
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("job", TwinStreamJob.NAME);
          details.put("job_id", client.getJobID().toString());
          details.put("job_status", status.name());
          restarts.count(client.getJobID()).ifPresent(n -> details.put("restarts", n));
          Optional<Path> last = Checkpoints.latest(checkpointDir);
          if (last.isPresent()) {
            Instant at = java.nio.file.Files.getLastModifiedTime(last.get().resolve("_metadata")).toInstant();
            details.put("last_checkpoint", last.get().getFileName().toString());
            details.put("last_checkpoint_at", at.toString());
            details.put("last_checkpoint_age_s", Duration.between(at, Instant.now()).toMillis() / 1000.0);
          }
          return status == JobStatus.RUNNING ? Status.up(details) : new Status("down", details);
        } catch (Exception e) {
          return Status.down("job status unavailable: " + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
      }
    };
  }

  /** The savepoint the stop wrote; empty before {@link #close()} or when the stop had to cancel. */
  Optional<Path> savepoint() {
    return Optional.ofNullable(savepoint);
  }

  /** Stops with a savepoint, so the next start resumes exactly here with nothing to replay. */
  @Override
  public void close() {
    try {
      String location =
          client
              .stopWithSavepoint(false, savepoints(checkpointDir), SavepointFormatType.CANONICAL)
              .get(60, TimeUnit.SECONDS);
      savepoint = location.startsWith("file:") ? Path.of(java.net.URI.create(location)) : Path.of(location);
      LOG.info("stream job stopped with savepoint {}", savepoint);
    } catch (Exception e) {
      LOG.warn("stop with savepoint failed ({}); cancelling, the next start resumes from the last checkpoint", e.toString());
      client.cancel();
    }
  }
}
