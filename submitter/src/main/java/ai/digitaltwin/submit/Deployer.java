package ai.digitaltwin.submit;

import ai.digitaltwin.submit.FlinkRest.JobSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Deploys the stream job on a session cluster: waits for enough slots, submits once (a job of the same
 * name that is alive is left alone, so the one-shot submitter may run again safely), waits until it runs;
 * and stops it with a savepoint for upgrades and rescaling.
 */
public final class Deployer {
  /** The stream job's name (as {@code TwinStreamJob.NAME}). */
  public static final String JOB_NAME = "twin-stream";
  public static final String ENTRY_CLASS = "ai.digitaltwin.flinkapp.StreamJobMain";
  private static final Set<String> ALIVE =
      Set.of("INITIALIZING", "CREATED", "RUNNING", "RESTARTING", "RECONCILING", "FAILING", "CANCELLING");

  private final FlinkRest rest;
  private final Duration timeout;

  public Deployer(FlinkRest rest, Duration timeout) {
    this.rest = rest;
    this.timeout = timeout;
  }

  /** The alive job of {@link #JOB_NAME}, if any. */
  public Optional<JobSummary> aliveJob() throws IOException {
    return rest.jobs().stream().filter(j -> j.name().equals(JOB_NAME) && ALIVE.contains(j.state())).findFirst();
  }

  /** Submits the jar unless the job is alive already; returns the job id either way. */
  public String submit(Path jar, int parallelism, List<String> jobArgs, String savepointPath)
      throws IOException, InterruptedException {
    Poll.until(timeout, "a cluster with " + parallelism + " free slots at " + rest.base(), () -> {
      try {
        return rest.overview().slotsAvailable() >= parallelism || aliveJob().isPresent();
      } catch (IOException e) {
        return false; // not up yet
      }
    });
    Optional<JobSummary> alive = aliveJob();
    if (alive.isPresent()) {
      return alive.get().id();
    }
    String jarId = rest.upload(jar);
    String jobId =
        rest.run(jarId, new FlinkRest.RunRequest(ENTRY_CLASS, jobArgs, parallelism, savepointPath));
    awaitRunning(jobId);
    return jobId;
  }

  /** Waits until every task of the job is running (not only scheduled). */
  public void awaitRunning(String jobId) throws InterruptedException {
    Poll.until(timeout, "job " + jobId + " running", () -> rest.state(jobId).equals("RUNNING"));
  }

  /** Stops the job after a savepoint and returns the savepoint's location. */
  public String stopWithSavepoint(String jobId, String targetDirectory) throws IOException, InterruptedException {
    String trigger = rest.stopWithSavepoint(jobId, targetDirectory);
    String[] location = new String[1];
    Poll.until(timeout, "savepoint of job " + jobId, () -> (location[0] = rest.savepointLocation(jobId, trigger)) != null);
    Poll.until(timeout, "job " + jobId + " finished", () -> rest.state(jobId).equals("FINISHED"));
    return location[0];
  }
}
