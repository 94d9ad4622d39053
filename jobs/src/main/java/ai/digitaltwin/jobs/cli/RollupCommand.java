package ai.digitaltwin.jobs.cli;

import ai.digitaltwin.config.Env;
import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.jobs.batch.DailyRollupJob;
import ai.digitaltwin.schemas.Tables;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "rollup",
    description = {
      "Rolls " + Tables.HEALTH_EVENTS + " and " + Tables.ANOMALIES + " up into " + Tables.DAILY_SUMMARIES + ".",
      "One row per twin and local day: the day closes at midnight in the twin's own time zone (from "
          + Tables.TWIN_REGISTRY + "; UTC if it has none). Incremental: only the input appended since the last rollup is"
          + " read, and its sums are added to the days it belongs to; a run with nothing new commits nothing."
          + " Prints changed days, rows written, readings read and seconds."
    })
final class RollupCommand extends BatchCommand implements Callable<Integer> {
  private static final List<String> STEPS = List.of("plan", "compute and commit");

  @Spec CommandSpec spec;

  RollupCommand(Env env) {
    super(env);
  }

  @Override
  public Integer call() throws Exception {
    JobConfig config = config();
    DailyRollupJob.Result result;
    try (ProgressBar bar = steps("rollup", STEPS.size())) {
      result = DailyRollupJob.run(flink(config), config.catalog(), step -> {
        bar.stepTo(STEPS.indexOf(step));
        bar.setExtraMessage(step);
      });
      bar.stepTo(STEPS.size());
    }
    spec.commandLine().getOut().println(result);
    return 0;
  }
}
