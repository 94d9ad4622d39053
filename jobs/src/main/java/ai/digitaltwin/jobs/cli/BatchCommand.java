package ai.digitaltwin.jobs.cli;

import ai.digitaltwin.config.Env;
import ai.digitaltwin.jobs.JobConfig;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Option;

/** What every batch command shares: the environment, the job configuration and a progress bar over steps. */
abstract class BatchCommand {
  final Env env;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      description = "Flink parallelism of the job (default: JOB_PARALLELISM, else 1).")
  Integer parallelism;

  BatchCommand(Env env) {
    this.env = env;
  }

  /** The jobs' configuration from the environment: a bad value stops here with the key's name. */
  JobConfig config() {
    JobConfig config = JobConfig.fromEnv(env);
    return parallelism == null ? config : config.withParallelism(parallelism);
  }

  /** A local Flink environment (or the cluster's, under {@code flink run}) at the configured parallelism. */
  static StreamExecutionEnvironment flink(JobConfig config) {
    StreamExecutionEnvironment flink = StreamExecutionEnvironment.getExecutionEnvironment();
    flink.setParallelism(config.parallelism());
    return flink;
  }

  /** A bar on stderr that moves one step per named phase; stdout keeps only the results. */
  static ProgressBar steps(String task, int steps) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(steps)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true)))
        .setUpdateIntervalMillis(200)
        .continuousUpdate()
        .build();
  }
}
