package ai.digitaltwin.bench.realism;

import ai.digitaltwin.bench.BenchConfig;
import ai.digitaltwin.bench.detection.DetectionSize;
import ai.digitaltwin.bench.report.Figure;
import ai.digitaltwin.bench.report.Goal;
import ai.digitaltwin.bench.report.Measure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./twin bench --only realism}: the generator's people next to the vendored real recordings
 * ({@link Realism}), each KS distance and the classifier's AUC beside the same figure of the generator
 * before its physiology was calibrated ({@code realism-before.tsv}, measured with this code on that
 * generator, seed 42, 100 twins x 30 days).
 */
public final class RealismBench {
  public static final double MAX_KS = 0.2;
  public static final double MAX_AUC = 0.65;
  static final String AUC = "classifier AUC (real vs synthetic days, held out)";

  private RealismBench() {}

  public static List<Figure> run(BenchConfig config, PrintStream log) throws IOException {
    DetectionSize size = config.realism();
    Path samples = config.samplesDir();
    log.printf("  real: %s; synthetic: %s%n", samples, size.describe());
    long started = System.nanoTime();
    Realism realism = compare(samples, size);
    Map<String, Double> before = before();
    String scale = String.format(Locale.ROOT, "%s; %d real and %d synthetic person-days with every feature; %.0f s",
        size.describe(), realism.realDays(), realism.syntheticDays(), (System.nanoTime() - started) / 1e9);
    log.println(table(realism, before));
    List<Figure> figures = new ArrayList<>();
    for (Realism.Statistic s : realism.statistics()) {
      figures.add(Figure.of("realism KS, " + s.name(), Measure.of("now", "", s.ks()), reference(before, s.name()),
          String.format(Locale.ROOT, "median real %s, synthetic %s %s (n = %d real, %d synthetic)",
              number(s.realMedian()), number(s.syntheticMedian()), s.unit(), s.real(), s.synthetic()),
          Goal.valueAtMost(MAX_KS)));
    }
    figures.add(Figure.of("realism " + AUC, Measure.of("now", "", realism.auc()), reference(before, AUC),
        "logistic regression on resting HR, night/day ratio, HR-steps slope, log steps, resting-HR change; "
            + "two folds by person; 0.5 = indistinguishable; " + scale,
        Goal.valueAtMost(MAX_AUC)));
    return figures;
  }

  public static Realism compare(Path samples, DetectionSize size) throws IOException {
    return Realism.compare(RealSamples.stanford(samples), RealSamples.welltory(samples),
        SyntheticSamples.generate(size.twins(), size.days(), size.seed()));
  }

  /** The comparison as a Markdown table, before beside now. */
  public static String table(Realism realism, Map<String, Double> before) {
    StringBuilder out = new StringBuilder();
    out.append("| statistic | KS before | KS now | real p10 / p25 / median / p75 / p90 | synthetic p10 / p25 / median / p75 / p90 | n real | n synthetic |\n");
    out.append("|---|---|---|---|---|---|---|\n");
    for (Realism.Statistic s : realism.statistics()) {
      out.append(String.format(Locale.ROOT, "| %s (%s) | %s | %.3f | %s | %s | %d | %d |%n", s.name(), s.unit(),
          number(before.getOrDefault(s.name(), Double.NaN)), s.ks(), quantiles(s.realDeciles()),
          quantiles(s.syntheticDeciles()), s.real(), s.synthetic()));
    }
    out.append(String.format(Locale.ROOT, "| %s | %s | %.3f | | | %d | %d |%n", AUC,
        number(before.getOrDefault(AUC, Double.NaN)), realism.auc(), realism.realDays(), realism.syntheticDays()));
    return out.toString();
  }

  /** The figures of the generator before calibration: statistic name, tab, value. */
  public static Map<String, Double> before() throws IOException {
    Map<String, Double> out = new LinkedHashMap<>();
    try (InputStream in = RealismBench.class.getResourceAsStream("/realism-before.tsv")) {
      if (in == null) {
        return out;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.startsWith("#") && !line.isBlank()) {
          String[] f = line.split("\t");
          out.put(f[0], Double.parseDouble(f[1]));
        }
      }
    }
    return out;
  }

  private static Measure reference(Map<String, Double> before, String name) {
    Double v = before.get(name);
    return v == null ? null : Measure.of("before calibration", "", v);
  }

  private static String quantiles(double[] q) {
    return java.util.Arrays.stream(q).mapToObj(RealismBench::number).collect(java.util.stream.Collectors.joining(" / "));
  }

  private static String number(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
  }
}
