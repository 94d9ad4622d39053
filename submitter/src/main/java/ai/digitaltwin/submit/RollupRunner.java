package ai.digitaltwin.submit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the daily rollup on a session cluster: uploads the application jar, runs its rollup entry class
 * (which plans the rollup in the JobManager and submits a job that computes and commits the planned days
 * itself), waits for the job to end and reads what it committed from its accumulators. When nothing
 * changed no job is submitted, and the run reports 0 days. The jar is removed again after each run.
 */
public final class RollupRunner {
  /** The rollup's job name (as {@code DailyRollupJob.NAME}). */
  public static final String JOB_NAME = "twin-daily-rollup";
  public static final String ENTRY_CLASS = "ai.digitaltwin.flinkapp.RollupJobMain";
  /** How Flink's REST API answers a main that submitted no job. */
  private static final String NO_JOB = "No jobs included in application";
  private static final Set<String> ENDED = Set.of("FINISHED", "FAILED", "CANCELED");

  /** What one run did: the job's id (null when nothing changed), changed days, rows written, readings read, snapshot. */
  public record Outcome(String jobId, long days, long rows, long readings, long snapshotId) {
    @Override
    public String toString() {
      return jobId == null
          ? "rollup: 0 changed days, 0 rows written, 0 readings read (no new input)"
          : "rollup: " + days + " changed days, " + rows + " rows written, " + readings + " readings read, snapshot "
              + snapshotId + " (job " + jobId + ")";
    }
  }

  private final FlinkRest rest;
  private final Duration timeout;

  public RollupRunner(FlinkRest rest, Duration timeout) {
    this.rest = rest;
    this.timeout = timeout;
  }

  /** One rollup; fails with the job's root exception if the job fails. */
  public Outcome runOnce(Path jar, int parallelism, List<String> jobArgs) throws IOException, InterruptedException {
    Poll.until(timeout, "a cluster with " + parallelism + " free slots at " + rest.base(),
        () -> rest.overview().slotsAvailable() >= parallelism);
    String jarId = rest.upload(jar);
    try {
      String jobId;
      try {
        jobId = rest.run(jarId, new FlinkRest.RunRequest(ENTRY_CLASS, jobArgs, parallelism, null));
      } catch (IOException e) {
        if (e.getMessage() != null && e.getMessage().contains(NO_JOB)) {
          return new Outcome(null, 0, 0, 0, 0);
        }
        throw e;
      }
      String[] state = new String[1];
      try {
        Poll.until(timeout, "rollup job " + jobId + " to end", () -> ENDED.contains(state[0] = rest.state(jobId)));
      } catch (IllegalStateException gaveUp) {
        // a job left running (restarting on a failure, stuck) would hold its slots and commit later,
        // beside the next scheduled run: it is cancelled before this run reports its failure
        cancelQuietly(jobId, gaveUp);
        throw gaveUp;
      }
      if (!state[0].equals("FINISHED")) {
        throw new IOException("rollup job " + jobId + " " + state[0] + ": " + rest.failure(jobId));
      }
      Map<String, String> result = rest.accumulators(jobId);
      return new Outcome(
          jobId, Long.parseLong(result.getOrDefault("rollup-days", "0")),
          Long.parseLong(result.getOrDefault("rollup-rows", "0")),
          Long.parseLong(result.getOrDefault("rollup-readings", "0")),
          Long.parseLong(result.getOrDefault("rollup-snapshot-id", "0")));
    } finally {
      rest.deleteJar(jarId);
    }
  }

  private void cancelQuietly(String jobId, Exception cause) {
    try {
      rest.cancel(jobId);
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }
}
