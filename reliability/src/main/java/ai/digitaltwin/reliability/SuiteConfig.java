package ai.digitaltwin.reliability;

import ai.digitaltwin.config.Env;
import java.nio.file.Path;
import java.util.List;

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

  /** Reads the properties above, with the same defaults as the command line's options. */
  public static SuiteConfig fromProperties(Env props) {
    return new SuiteConfig(
        props.bool("reliability.full", false) ? Scale.FULL : Scale.SHORT,
        props.path("reliability.out", Path.of("reliability/target/reliability")).toAbsolutePath(),
        props.longInteger("reliability.seed", 7, Long.MIN_VALUE, Long.MAX_VALUE),
        props.list("reliability.only", ","));
  }

  public boolean wanted(String scenario) {
    return only.isEmpty() || only.contains(scenario);
  }
}
