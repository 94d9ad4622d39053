package ai.digitaltwin.jobs.backtest;

import java.util.List;

/** The detectors' scores beside the original system's fixed rules, over the same history. */
public record BacktestReport(long readings, List<TypeScore> detectors, List<TypeScore> fixedRules) {
  public BacktestReport {
    detectors = List.copyOf(detectors);
    fixedRules = List.copyOf(fixedRules);
  }

  public TypeScore detector(String type) {
    return find(detectors, type);
  }

  public TypeScore fixedRule(String type) {
    return find(fixedRules, type);
  }

  private static TypeScore find(List<TypeScore> scores, String type) {
    return scores.stream().filter(s -> s.type().equals(type)).findFirst().orElse(new TypeScore(type, 0, 0, 0, 0, Double.NaN, Double.NaN));
  }

  public String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("Backtest over ").append(readings).append(" readings (episode level)\n\n");
    table(out, "Detectors (" + ai.digitaltwin.jobs.anomaly.Episodes.DETECTOR_VERSION + ")", detectors);
    table(out, "Original fixed rules (HR outside 50–100, systolic > 140, stress > 0.8)", fixedRules);
    return out.toString();
  }

  /** The same figures as JSON: {@code readings}, {@code detector_version}, {@code detectors} and {@code fixed_rules}, NaN as null. */
  public String json() {
    return "{\"readings\":" + readings
        + ",\"detector_version\":\"" + ai.digitaltwin.jobs.anomaly.Episodes.DETECTOR_VERSION + "\""
        + ",\"detectors\":" + jsonList(detectors)
        + ",\"fixed_rules\":" + jsonList(fixedRules) + "}\n";
  }

  private static String jsonList(List<TypeScore> scores) {
    StringBuilder out = new StringBuilder("[");
    for (TypeScore s : scores) {
      out.append(out.length() > 1 ? "," : "").append(s.json());
    }
    return out.append(']').toString();
  }

  private static void table(StringBuilder out, String title, List<TypeScore> scores) {
    out.append("### ").append(title).append("\n\n");
    out.append("| type | injected | detected | precision | recall | F1 | median delay (min) | p90 delay (min) |\n");
    out.append("|---|---|---|---|---|---|---|---|\n");
    scores.forEach(s -> out.append(s.markdownRow()).append('\n'));
    out.append('\n');
  }
}
