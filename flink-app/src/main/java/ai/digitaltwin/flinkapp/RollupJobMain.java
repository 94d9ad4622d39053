package ai.digitaltwin.flinkapp;

import ai.digitaltwin.config.Env;
import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.jobs.batch.DailyRollupJob;
import ai.digitaltwin.jobs.batch.RollupPlan;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The daily rollup as an entry class of the application jar (the submitter's {@code rollup}): plans it
 * where {@code main} runs and submits the job that computes the planned days and commits them to
 * {@code daily_summaries} itself. Configured like {@link StreamJobMain}. When nothing changed it submits
 * no job, which Flink's REST API answers with "No jobs included in application."
 */
public final class RollupJobMain {
  private RollupJobMain() {}

  public static void main(String[] args) throws Exception {
    if (JobArguments.helpAsked(args)) {
      System.out.println(usage());
      return;
    }
    JobConfig config = JobArguments.config(Env.of(System.getenv()), args);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(config.parallelism());
    RollupPlan plan = DailyRollupJob.define(env, config.catalog());
    System.out.println("rollup plan: " + (plan.full() ? "all days" : plan.days().size() + " days") + " (" + plan.reason() + ")");
    if (!plan.nothingChanged()) {
      env.execute(DailyRollupJob.NAME);
    }
  }

  static String usage() {
    return """
        Usage: flink run -c ai.digitaltwin.flinkapp.RollupJobMain twin-flink-app.jar [KEY=VALUE ...]
        The incremental daily rollup into daily_summaries. Every KEY is an environment variable of the jobs
        (README, "Configuration"), e.g. JOB_PARALLELISM, ICEBERG_CATALOG, ICEBERG_REST_URI,
        ICEBERG_WAREHOUSE, ICEBERG_IO_IMPL, ICEBERG_S3_ENDPOINT. An argument wins over the variable.""";
  }
}
