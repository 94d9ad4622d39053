package ai.digitaltwin.jobs.backtest;

import java.util.Locale;

/**
 * Episode-level scores of one anomaly type (or {@code all}).
 *
 * @param truths injected episodes
 * @param detections detected episodes
 * @param found injected episodes overlapped by a detection of the same type
 * @param correct detections that overlap an injected episode of the same type
 * @param medianDelayMinutes detection time minus true start, median over found episodes (NaN if none)
 */
public record TypeScore(
    String type, int truths, int detections, int found, int correct, double medianDelayMinutes, double p90DelayMinutes) {

  public double precision() {
    return detections == 0 ? Double.NaN : (double) correct / detections;
  }

  public double recall() {
    return truths == 0 ? Double.NaN : (double) found / truths;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return Double.isNaN(p) || Double.isNaN(r) || p + r == 0 ? Double.NaN : 2 * p * r / (p + r);
  }

  String markdownRow() {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %d | %s | %s | %s | %s | %s |",
        type, truths, detections, fmt(precision()), fmt(recall()), fmt(f1()), fmt(medianDelayMinutes), fmt(p90DelayMinutes));
  }

  String json() {
    return String.format(
        Locale.ROOT,
        "{\"type\":\"%s\",\"injected\":%d,\"detected\":%d,\"found\":%d,\"correct\":%d,\"precision\":%s,\"recall\":%s,"
            + "\"f1\":%s,\"median_delay_min\":%s,\"p90_delay_min\":%s}",
        type, truths, detections, found, correct, num(precision()), num(recall()), num(f1()), num(medianDelayMinutes), num(p90DelayMinutes));
  }

  private static String num(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "null" : Double.toString(v);
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
  }
}
