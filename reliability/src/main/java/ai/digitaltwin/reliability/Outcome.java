package ai.digitaltwin.reliability;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the report: what a scenario did, what it expected, what it observed, and whether the
 * observation met the expectation. {@code figures} carries the measured numbers for the JSON report.
 */
public record Outcome(
    String scenario, String done, String expected, String observed, boolean passed, double seconds, Map<String, Object> figures) {

  public Outcome {
    figures = Map.copyOf(new LinkedHashMap<>(figures));
  }

  public static Outcome of(String scenario, String done, String expected, String observed, boolean passed, Map<String, Object> figures) {
    return new Outcome(scenario, done, expected, observed, passed, 0, figures);
  }

  /** A scenario that could not run to its end: the error is the observation. */
  public static Outcome crashed(String scenario, Throwable error, double seconds) {
    String message = error.getClass().getSimpleName() + ": " + error.getMessage();
    return new Outcome(scenario, "(did not finish)", "(see scenario)", message, false, seconds, Map.of());
  }

  public Outcome timed(double seconds) {
    return new Outcome(scenario, done, expected, observed, passed, seconds, figures);
  }
}
