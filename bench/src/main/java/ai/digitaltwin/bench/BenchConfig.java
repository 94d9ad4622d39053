package ai.digitaltwin.bench;

import ai.digitaltwin.bench.detection.DetectionSize;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

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
 */
public record BenchConfig(boolean quick, int runs, Path resultsDir, Path workDir, Set<String> sections,
    DetectionSize detection, DetectionSize apiSize, int backfillParallelism, DetectionSize realism, Path samplesDir) {
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
  }

  /**
   * {@code [--quick] [--runs N] [--only a,b] [--results DIR] [--work DIR] [--detection-size TWINSxDAYS]
   * [--api-size TWINSxDAYS] [--seed N] [--backfill-parallelism N] [--realism-size TWINSxDAYS] [--samples DIR]}.
   */
  public static BenchConfig parse(String[] args) {
    boolean quick = false;
    Integer runs = null;
    Path results = Path.of("bench-results");
    Path work = null;
    Set<String> sections = new LinkedHashSet<>(ALL);
    String detectionSize = null;
    String apiSize = null;
    long seed = DetectionSize.DEFAULT_SEED;
    int backfillParallelism = 1;
    String realismSize = null;
    Path samples = Path.of("samples", "real-wearables");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--runs" -> runs = Integer.parseInt(value(args, ++i, "--runs"));
        case "--only" -> sections = new LinkedHashSet<>(Arrays.asList(value(args, ++i, "--only").split(",")));
        case "--results" -> results = Path.of(value(args, ++i, "--results"));
        case "--work" -> work = Path.of(value(args, ++i, "--work"));
        case "--detection-size" -> detectionSize = value(args, ++i, "--detection-size");
        case "--api-size" -> apiSize = value(args, ++i, "--api-size");
        case "--seed" -> seed = DetectionSize.seed(value(args, ++i, "--seed"));
        case "--backfill-parallelism" -> backfillParallelism = Integer.parseInt(value(args, ++i, "--backfill-parallelism"));
        case "--realism-size" -> realismSize = value(args, ++i, "--realism-size");
        case "--samples" -> samples = Path.of(value(args, ++i, "--samples"));
        default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
      }
    }
    return new BenchConfig(quick, runs != null ? runs : (quick ? 3 : 5), results,
        work != null ? work : results.resolve("work"), sections,
        DetectionSize.parse(detectionSize != null ? detectionSize : (quick ? "200x7" : "1000x30"), seed),
        DetectionSize.parse(apiSize != null ? apiSize : (quick ? "200x7" : "1000x30"), seed, "--api-size"),
        backfillParallelism,
        DetectionSize.parse(realismSize != null ? realismSize : (quick ? "40x14" : "100x30"), seed, "--realism-size"),
        samples);
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[i];
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
