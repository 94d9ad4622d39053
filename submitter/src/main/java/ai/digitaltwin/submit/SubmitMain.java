package ai.digitaltwin.submit;

import java.util.Map;

/**
 * The one-shot submitter: {@code submit} (default) deploys the stream job unless it runs already,
 * {@code stop} stops it with a savepoint and prints where, {@code status} lists the cluster's jobs.
 * Configuration: {@link SubmitConfig}.
 */
public final class SubmitMain {
  private SubmitMain() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args.length == 0 ? "submit" : args[0], System.getenv()));
  }

  static int run(String command, Map<String, String> env) throws Exception {
    SubmitConfig config;
    try {
      config = SubmitConfig.fromEnv(env);
    } catch (IllegalArgumentException e) {
      System.err.println("submitter: " + e.getMessage());
      return 2;
    }
    FlinkRest rest = new FlinkRest(config.restUrl());
    Deployer deployer = new Deployer(rest, config.timeout());
    switch (command) {
      case "submit" -> {
        String jobId = deployer.submit(config.jar(), config.parallelism(), config.jobArgs(), config.savepointPath());
        System.out.println("job " + Deployer.JOB_NAME + " running as " + jobId + " on " + config.restUrl());
      }
      case "stop" -> {
        var job = deployer.aliveJob();
        if (job.isEmpty()) {
          System.err.println("submitter: no running " + Deployer.JOB_NAME + " job on " + config.restUrl());
          return 1;
        }
        System.out.println(deployer.stopWithSavepoint(job.get().id(), config.savepointDir()));
      }
      case "status" -> rest.jobs().forEach(j -> System.out.println(j.id() + " " + j.state() + " " + j.name()));
      default -> {
        System.err.println("Usage: submitter [submit|stop|status]   (configuration: environment, see README)");
        return 2;
      }
    }
    return 0;
  }
}
