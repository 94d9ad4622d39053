package ai.digitaltwin.submit;

import ai.digitaltwin.config.Env;
import ai.digitaltwin.schemas.TopicSetup;
import java.io.IOException;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The one-shot submitter: {@code submit} (default) creates the project's topics where missing and deploys
 * the stream job unless it runs already,
 * {@code stop} stops it with a savepoint and prints where, {@code status} lists the cluster's jobs,
 * {@code rollup} runs the daily rollup on the cluster once, or every {@code ROLLUP_INTERVAL_SECONDS}.
 * Configuration: {@link SubmitConfig}.
 */
public final class SubmitMain {
  private SubmitMain() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args.length == 0 ? "submit" : args[0], System.getenv()));
  }

  public static int run(String command, Map<String, String> env) throws Exception {
    SubmitConfig config;
    try {
      config = SubmitConfig.fromEnv(Env.of(env));
    } catch (IllegalArgumentException e) {
      System.err.println("submitter: " + e.getMessage());
      return 2;
    }
    FlinkRest rest = new FlinkRest(config.restUrl());
    Deployer deployer = new Deployer(rest, config.timeout());
    switch (command) {
      case "submit" -> {
        ensureTopics(config);
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
      case "rollup" -> {
        return rollup(rest, config);
      }
      case "status" -> rest.jobs().forEach(j -> System.out.println(j.id() + " " + j.state() + " " + j.name()));
      default -> {
        System.err.println("Usage: submitter [submit|stop|status|rollup]   (configuration: environment, see README)");
        return 2;
      }
    }
    return 0;
  }

  /** One rollup, or one every interval until the process is stopped; a failed run is retried at the next. */
  private static int rollup(FlinkRest rest, SubmitConfig config) throws InterruptedException {
    RollupRunner runner = new RollupRunner(rest, config.timeout());
    while (true) {
      try {
        System.out.println(runner.runOnce(config.jar(), config.parallelism(), config.jobArgs()));
      } catch (IOException | IllegalStateException e) {
        System.err.println("submitter: rollup failed: " + e.getMessage());
        if (config.rollupInterval().isZero()) {
          return 1;
        }
      }
      if (config.rollupInterval().isZero()) {
        return 0;
      }
      Thread.sleep(config.rollupInterval().toMillis()); // the schedule itself, not a wait for a condition
    }
  }

  private static void ensureTopics(SubmitConfig config) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
    try (Admin admin = Admin.create(props)) {
      TopicSetup.ensure(admin, config.partitions(), config.replication());
    }
  }
}
