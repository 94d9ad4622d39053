package ai.digitaltwin.bench;

import ai.digitaltwin.bench.detection.DetectionBench;
import ai.digitaltwin.bench.importer.ImportBench;
import ai.digitaltwin.bench.producer.BackfillBench;
import ai.digitaltwin.bench.producer.ProducerBench;
import ai.digitaltwin.bench.real.RealBench;
import ai.digitaltwin.bench.realism.RealismBench;
import ai.digitaltwin.bench.report.Figure;
import ai.digitaltwin.bench.report.Machine;
import ai.digitaltwin.bench.report.Report;
import ai.digitaltwin.bench.scale.ApiScaleBench;
import ai.digitaltwin.bench.scale.RollupBench;
import ai.digitaltwin.bench.stack.MemoryBench;
import ai.digitaltwin.bench.stack.StackBench;
import ai.digitaltwin.bench.stream.StreamBench;
import ai.digitaltwin.config.Env;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./twin bench [--quick]}: builds the seeded datasets it needs, measures every figure next to its
 * reference in the same run, prints the table and writes it as JSON under {@code bench-results/}.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    if (BenchConfig.helpWanted(args)) {
      System.out.print(BenchOptions.usage());
      return;
    }
    BenchConfig config;
    try {
      config = BenchConfig.parse(args, Env.of(System.getenv()));
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.err.print(BenchOptions.usage());
      System.exit(2);
      return;
    }
    Files.createDirectories(config.resultsDir());
    System.setProperty("BENCH_LOG", config.resultsDir().resolve("bench.log").toString());
    System.setProperty("logback.configurationFile", "bench-logback.xml");
    PrintStream log = System.out;
    Machine machine = Machine.current();
    Instant started = Instant.now();
    log.printf("Benchmark (%s) on %s, load average %.2f%n", config.quick() ? "quick" : "full", machine.describe(),
        machine.loadAverage());
    Path work = Files.createDirectories(config.workDir());
    List<Figure> figures = new ArrayList<>();
    if (config.runs("producer")) {
      figures.addAll(section(log, "generator vs ProducerPerformance",
          () -> ProducerBench.run(config, fresh(work.resolve("producer")), log)));
    }
    if (config.runs("stream")) {
      figures.addAll(section(log, "stream job vs pass-through",
          () -> StreamBench.run(config, fresh(work.resolve("stream")), log)));
    }
    if (config.runs("stack")) {
      figures.addAll(section(log, "embedded stack: start-up, queries, throughput, freshness, chat",
          () -> StackBench.run(config, fresh(work.resolve("stack")), log)));
    }
    if (config.runs("api-scale")) {
      figures.addAll(section(log, "query API at scale: seeded history, compacted, over HTTP",
          () -> ApiScaleBench.run(config, fresh(work.resolve("api-scale")), log)));
    }
    if (config.runs("memory")) {
      figures.addAll(section(log, "embedded stack: peak memory",
          () -> MemoryBench.run(config, fresh(work.resolve("memory")), log)));
    }
    if (config.runs("detection")) {
      figures.addAll(section(log, "detection quality vs the original fixed rules",
          () -> DetectionBench.run(config, log)));
    }
    if (config.runs("real")) {
      figures.addAll(section(log, "detection on real, labelled wearable recordings vs a nightly reference rule",
          () -> RealBench.run(log)));
    }
    if (config.runs("import")) {
      figures.addAll(section(log, "Apple Health import: importer vs a bare StAX pass",
          () -> ImportBench.run(config, fresh(work.resolve("import")), log)));
    }
    if (config.runs("realism")) {
      figures.addAll(section(log, "realism: synthetic people vs real recordings",
          () -> RealismBench.run(config, log)));
    }
    if (config.runs("backfill")) {
      figures.addAll(section(log, "backfill: generator, then the whole pipeline",
          () -> BackfillBench.run(config, fresh(work.resolve("backfill")), log)));
    }
    if (config.runs("rollup")) {
      figures.addAll(section(log, "daily rollup: from scratch and after one new day, vs DuckDB over raw readings",
          () -> RollupBench.run(config, fresh(work.resolve("rollup")), log)));
    }
    Report report = new Report(command(args), machine, started, Instant.now(), Machine.currentLoad(), figures);
    log.println();
    log.print(report.table());
    Path json = report.writeJson(config.resultsDir());
    log.printf(Locale.ROOT, "%nJSON: %s (and latest.json); library logs: %s%n", json, config.resultsDir().resolve("bench.log"));
    fresh(work);
    System.exit(0); // Flink, Kafka and DuckDB leave non-daemon threads behind
  }

  /** What a section measures. */
  private interface Section {
    List<Figure> run() throws Exception;
  }

  /** Runs one section; a failure becomes a row that says so, and the other sections still run. */
  private static List<Figure> section(PrintStream log, String name, Section section) {
    log.printf("%n== %s (load average %.2f)%n", name, Machine.currentLoad());
    try {
      return section.run();
    } catch (Exception | Error e) {
      e.printStackTrace(log);
      return List.of(Figure.unavailable(name, "failed: " + e));
    }
  }

  /** Empties a directory of an earlier run and returns it. */
  static Path fresh(Path dir) throws java.io.IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return Files.createDirectories(dir);
  }

  private static String command(String[] args) {
    return ("./twin bench " + String.join(" ", args)).trim();
  }
}
