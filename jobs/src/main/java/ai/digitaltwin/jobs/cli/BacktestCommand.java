package ai.digitaltwin.jobs.cli;

import ai.digitaltwin.config.Env;
import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.jobs.backtest.Backtest;
import ai.digitaltwin.jobs.backtest.BacktestReport;
import ai.digitaltwin.schemas.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "backtest",
    description = {
      "Scores the anomaly detectors and the original fixed rules against " + Tables.GROUND_TRUTH + ".",
      "Reruns the stream job's detectors and the fixed rules (HR outside 50-100, systolic > 140, stress > 0.8)"
          + " over " + Tables.HEALTH_EVENTS + " and scores both per type: precision, recall, F1, median and p90 detection delay."
          + " Prints the report as Markdown."
    })
final class BacktestCommand extends BatchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--markdown", paramLabel = "FILE",
      description = "Also write the report as Markdown to FILE (default: BACKTEST_REPORT, else none).")
  Path markdown;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
  Path json;

  BacktestCommand(Env env) {
    super(env);
  }

  @Override
  public Integer call() throws Exception {
    JobConfig config = config();
    Path markdown = this.markdown != null ? this.markdown : env.path("BACKTEST_REPORT", null);
    long started = System.nanoTime();
    BacktestReport report;
    try (ProgressBar bar = steps("backtest", 1)) {
      bar.setExtraMessage("detect and score");
      report = Backtest.run(flink(config), config.catalog());
      bar.step();
    }
    if (markdown != null) {
      Files.writeString(markdown, report.markdown());
    }
    if (json != null) {
      Files.writeString(json, report.json());
    }
    var out = spec.commandLine().getOut();
    out.print(report.markdown());
    out.printf(Locale.ROOT, "backtest: %d readings, %d detector episodes, %.1f s%n",
        report.readings(), report.detectors().stream().filter(s -> s.type().equals("all")).mapToInt(s -> s.detections()).sum(),
        (System.nanoTime() - started) / 1e9);
    return 0;
  }
}
