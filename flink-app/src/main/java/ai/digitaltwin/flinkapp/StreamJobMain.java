package ai.digitaltwin.flinkapp;

import ai.digitaltwin.config.Env;
import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.jobs.stream.TwinStreamJob;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Main class of the application jar: the stream job, configured by the environment and by
 * {@code KEY=VALUE} program arguments ({@link JobArguments}). On a session cluster this runs inside the
 * JobManager, builds the graph and hands it over; with {@code java -jar} it runs on a local MiniCluster.
 */
public final class StreamJobMain {
  private StreamJobMain() {}

  public static void main(String[] args) throws Exception {
    if (JobArguments.helpAsked(args)) {
      System.out.println(usage());
      return;
    }
    JobConfig config = JobArguments.config(Env.of(System.getenv()), args);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    TwinStreamJob.define(env, config);
    env.execute(TwinStreamJob.NAME);
  }

  static String usage() {
    return """
        Usage: flink run twin-flink-app.jar [KEY=VALUE ...]
        The twin stream job. Every KEY is an environment variable of the job (README, "Configuration"),
        e.g. KAFKA_BOOTSTRAP_SERVERS, KAFKA_GROUP_ID, JOB_PARALLELISM, CHECKPOINT_INTERVAL_MS,
        ICEBERG_CATALOG, ICEBERG_REST_URI, ICEBERG_WAREHOUSE, ICEBERG_IO_IMPL, ICEBERG_S3_ENDPOINT.
        An argument wins over the variable of the same name.""";
  }
}
