package ai.digitaltwin.bench;

import ai.digitaltwin.bench.detection.DetectionSize;
import ai.digitaltwin.config.Env;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * What one benchmark run does, from the command line. The sizes of a full run are the issues' own
 * (1,000 twins, 30 days); {@code --quick} shrinks them to finish in a few minutes and every row that
 * ran smaller says so.
 *
 * @param runs measured runs per side of each comparison (after one warm-up run)
 * @param sections which groups of figures to run: producer, stream, stack, api-scale, memory, backfill, detection, real, rollup, import, realism
 * @param detection twins, days and seed of the detection-quality run
 * @param apiSize twins and days of history behind the API-at-scale and rollup figures (the seed is the detection run's)
 * @param backfillParallelism the stream job's parallelism in the whole-pipeline backfill ({@code JOB_PARALLELISM})
 * @param realism twins and days of the synthetic side of the realism report (the seed is the detection run's)
 * @param samplesDir the vendored real recordings the realism report compares with
 * @param childJvmOptions added to the flags of every JVM the bench starts (the stack, the API): {@code
 *     TWIN_BENCH_CHILD_OPTS}, space-separated, e.g. a JFR recording of the stack under load; default none
 */
public record BenchConfig(boolean quick, int runs, Path resultsDir, Path workDir, Set<String> sections,
    DetectionSize detection, DetectionSize apiSize, int backfillParallelism, DetectionSize realism, Path samplesDir,
    List<String> childJvmOptions) {
  public static final Set<String> ALL =
      Set.of("producer", "stream", "stack", "api-scale", "memory", "backfill", "detection", "real", "rollup", "import", "realism");

  public BenchConfig {
    if (runs < 1) {
      throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
    }
    if (backfillParallelism < 1) {
      throw new IllegalArgumentException("--backfill-parallelism must be at least 1, got " + backfillParallelism);
    }
    for (String s : sections) {
      if (!ALL.contains(s)) {
        throw new IllegalArgumentException("unknown section '" + s + "'; sections are " + String.join(", ", ALL));
      }
    }
    sections = Set.copyOf(sections);
    childJvmOptions = List.copyOf(childJvmOptions);
  }

  /**
   * The options of {@link BenchOptions}, parsed by picocli, and the environment's {@code
   * TWIN_BENCH_CHILD_OPTS}; a bad one is an {@link IllegalArgumentException}.
   */
  public static BenchConfig parse(String[] args, Env env) {
    BenchOptions o = new BenchOptions();
    try {
      new CommandLine(o).parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    boolean quick = o.quick;
    long seed = o.seed != null ? o.seed : DetectionSize.DEFAULT_SEED;
    return new BenchConfig(quick, o.runs != null ? o.runs : (quick ? 3 : 5), o.results,
        o.work != null ? o.work : o.results.resolve("work"),
        o.only != null ? new LinkedHashSet<>(o.only) : new LinkedHashSet<>(ALL),
        DetectionSize.parse(o.detectionSize != null ? o.detectionSize : (quick ? "200x7" : "1000x30"), seed),
        DetectionSize.parse(o.apiSize != null ? o.apiSize : (quick ? "200x7" : "1000x30"), seed, "--api-size"),
        o.backfillParallelism,
        DetectionSize.parse(o.realismSize != null ? o.realismSize : (quick ? "40x14" : "100x30"), seed, "--realism-size"),
        o.samples,
        env.list("TWIN_BENCH_CHILD_OPTS", "\\s+"));
  }

  /** Whether {@code --help} is among the arguments (picocli's usage help), without checking the rest. */
  public static boolean helpWanted(String[] args) {
    try {
      return new CommandLine(new BenchOptions()).parseArgs(args).isUsageHelpRequested();
    } catch (CommandLine.ParameterException e) {
      return false;
    }
  }

  public boolean runs(String section) {
    return sections.contains(section);
  }

  /** Simulated span per producer and stream run (1,000 twins each). */
  public Duration producerSpan() {
    return quick ? Duration.ofHours(6) : Duration.ofDays(1);
  }

  /** Twins with 30 days of history behind the query figures. */
  public int queryTwins() {
    return quick ? 10 : 50;
  }

  /** Length of each throughput measurement of the HTTP load figures. */
  public Duration loadDuration() {
    return quick ? Duration.ofSeconds(10) : Duration.ofSeconds(30);
  }

  /** How long the stack runs live before its peak RSS is read. */
  public Duration memoryRun() {
    return quick ? Duration.ofSeconds(45) : Duration.ofSeconds(120);
  }

  public int backfillTwins() {
    return quick ? 100 : 1000;
  }

  public int backfillDays() {
    return quick ? 7 : 30;
  }
}
