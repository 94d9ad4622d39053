package ai.digitaltwin.jobs.backtest;

import ai.digitaltwin.jobs.JobConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the backtest and prints its report (markdown); {@code BACKTEST_REPORT} names a file to write it
 * to as well.
 */
public final class BacktestJob {
  private BacktestJob() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(System.getenv().getOrDefault("TWIN_DATA_DIR", "data"));
    JobConfig config = JobConfig.fromEnv(System.getenv(), dataDir);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(config.parallelism());
    BacktestReport report = Backtest.run(env, config.catalog());
    System.out.println(report.markdown());
    String file = System.getenv("BACKTEST_REPORT");
    if (file != null && !file.isBlank()) {
      Files.writeString(Path.of(file), report.markdown());
    }
  }
}
