package ai.digitaltwin.reliability;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How the suite runs, from flags or system properties:
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

  public static SuiteConfig fromArgs(String[] args, Map<String, String> props) {
    Map<String, String> merged = new java.util.HashMap<>(props);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--full" -> merged.put("reliability.full", "true");
        case "--out" -> merged.put("reliability.out", value(args, ++i, "--out"));
        case "--seed" -> merged.put("reliability.seed", value(args, ++i, "--seed"));
        case "--only" -> merged.put("reliability.only", value(args, ++i, "--only"));
        default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'; try --help");
      }
    }
    return fromProperties(merged);
  }

  public boolean wanted(String scenario) {
    return only.isEmpty() || only.contains(scenario);
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[i];
  }

  private static long seed(String raw) {
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("reliability.seed must be a whole number, got '" + raw + "'");
    }
  }
}
