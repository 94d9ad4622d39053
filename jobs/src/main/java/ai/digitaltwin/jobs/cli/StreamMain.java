package ai.digitaltwin.jobs.cli;

import ai.digitaltwin.config.Env;
import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.jobs.stream.TwinStreamJob;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code ./twin job}: the stream job alone, on a local MiniCluster (or the cluster's environment under
 * {@code flink run}), configured by the environment ({@link JobConfig}). A bad value exits 2 naming it.
 */
public final class StreamMain {
  private StreamMain() {}

  public static void main(String[] args) throws Exception {
    JobConfig config;
    try {
      config = JobConfig.fromEnv(Env.of(System.getenv()));
    } catch (IllegalArgumentException e) {
      System.err.println("twin job: " + e.getMessage());
      System.exit(2);
      return;
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    TwinStreamJob.define(env, config);
    env.execute(TwinStreamJob.NAME);
  }
}
