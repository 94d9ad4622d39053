package ai.digitaltwin.reliability;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How the suite runs, from system properties here (the test build) or from the same options on the command
 * line ({@link ReliabilityMain}):
 *
 * <ul>
 *   <li>{@code --full} / {@code reliability.full=true} — the long forms, default short
 *   <li>{@code --out DIR} / {@code reliability.out} — where {@code reliability-<scale>.json} goes, default
 *       {@code reliability/target/reliability}
 *   <li>{@code --seed N} / {@code reliability.seed} — the seed of every random choice (kill moments, data),
 *       default 7
 *   <li>{@code --only a,b} / {@code reliability.only} — run only these scenarios (names as in the table)
 * </ul>
 */
public record SuiteConfig(Scale scale, Path outDir, long seed, List<String> only) {

  public static SuiteConfig fromProperties(Map<String, String> props) {
    boolean full = Boolean.parseBoolean(props.getOrDefault("reliability.full", "false").trim());
    String only = props.getOrDefault("reliability.only", "").trim();
    return new SuiteConfig(
        full ? Scale.FULL : Scale.SHORT,
        Path.of(props.getOrDefault("reliability.out", "reliability/target/reliability")).toAbsolutePath(),
        seed(props.getOrDefault("reliability.seed", "7")),
        only.isEmpty() ? List.of() : List.of(only.split(",")));
  }

  public boolean wanted(String scenario) {
    return only.isEmpty() || only.contains(scenario);
  }

  private static long seed(String raw) {
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("reliability.seed must be a whole number, got '" + raw + "'");
    }
  }
}
