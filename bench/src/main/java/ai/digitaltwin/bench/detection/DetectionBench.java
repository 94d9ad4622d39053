package ai.digitaltwin.bench.detection;

import ai.digitaltwin.bench.BenchConfig;
import ai.digitaltwin.bench.report.Figure;
import ai.digitaltwin.bench.report.Goal;
import ai.digitaltwin.bench.report.Machine;
import ai.digitaltwin.bench.report.Measure;
import ai.digitaltwin.jobs.backtest.BacktestReport;
import ai.digitaltwin.jobs.backtest.TypeScore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Detection quality at the scale: episode-level precision and recall per injected type and the
 * delay to detection, next to the original fixed rules on the same readings. The readings come from the
 * generator's simulation in-process ({@link DetectionRun}) and go through the stream job's detector steps;
 * the scoring is the backtest's ({@code Scoring}). The full tables go to {@code detection-seed<S>.md}.
 */
public final class DetectionBench {
  static final double QUALITY = 0.9;
  static final double MEDIAN_DELAY_MINUTES = 10;

  private DetectionBench() {}

  public static List<Figure> run(BenchConfig config, PrintStream log) throws Exception {
    DetectionSize size = config.detection();
    int threads = Runtime.getRuntime().availableProcessors();
    log.printf("  %s on %d threads%n", size.describe(), threads);
    DetectionRun.Result result = DetectionRun.run(size, threads, log);
    BacktestReport report = result.report();
    String scale = String.format(Locale.ROOT, "%s, %,d readings, simulated and scored in %.0f s (load average %.2f)",
        size.describe(), result.readings(), result.seconds(), Machine.currentLoad());
    log.println();
    log.println(report.markdown());
    Path file = config.resultsDir().resolve("detection-seed" + size.seed() + ".md");
    Files.writeString(file, "# Detection quality: " + scale + "\n\n" + report.markdown());
    log.printf("  tables: %s%n", file);

    List<Figure> figures = new ArrayList<>();
    String suffix = size.twins() == 1000 && size.days() == 30 ? "" : " (" + size.twins() + "x" + size.days() + ")";
    for (TypeScore s : report.detectors()) {
      if (s.truths() == 0) {
        continue; // the fixed rules' high_stress, or a type nothing injected at this size
      }
      TypeScore fixed = report.fixedRule(s.type());
      boolean covered = fixed.detections() > 0;
      figures.add(Figure.of("precision, " + s.type() + suffix, Measure.of("detectors", "", s.precision()),
          covered ? Measure.of("fixed rules", "", fixed.precision()) : null,
          String.format(Locale.ROOT, "%d of %d detected episodes overlap an injected one%s; %s", s.correct(),
              s.detections(), covered ? String.format(Locale.ROOT, " (fixed rules: %d of %d)", fixed.correct(),
                  fixed.detections()) : "", scale),
          Goal.valueAtLeast(QUALITY)));
      figures.add(Figure.of("recall, " + s.type() + suffix, Measure.of("detectors", "", s.recall()),
          covered ? Measure.of("fixed rules", "", fixed.recall()) : null,
          String.format(Locale.ROOT, "%d of %d injected episodes found, 95 %% interval %s; median delay %s min, p90 %s min",
              s.found(), s.truths(), Wilson.interval(s.found(), s.truths()), minutes(s.medianDelayMinutes()),
              minutes(s.p90DelayMinutes())),
          Goal.valueAtLeast(QUALITY)));
    }
    TypeScore all = report.detector("all");
    TypeScore fixedAll = report.fixedRule("all");
    figures.add(Figure.of("median detection delay, all types" + suffix,
        Measure.of("detectors", "min", all.medianDelayMinutes()), Measure.of("fixed rules", "min", fixedAll.medianDelayMinutes()),
        "event time from an injected episode's start to the opening of the first detection overlapping it; " + scale,
        Goal.valueAtMost(MEDIAN_DELAY_MINUTES)));
    figures.add(Figure.of("p90 detection delay, all types" + suffix,
        Measure.of("detectors", "min", all.p90DelayMinutes()), Measure.of("fixed rules", "min", fixedAll.p90DelayMinutes()),
        "the tail: the resting-HR elevation needs two raised nights by design"));
    return figures;
  }

  private static String minutes(double m) {
    return Double.isNaN(m) ? "n/a" : String.format(Locale.ROOT, "%.1f", m);
  }
}
