package ai.digitaltwin.bench.stack;

import ai.digitaltwin.bench.BenchConfig;
import ai.digitaltwin.bench.report.Figure;
import ai.digitaltwin.bench.report.Measure;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Peak resident memory of the embedded stack (one process: broker, job, generator, API) with 1,000 and
 * 10,000 live twins: each started on an empty data directory without backfill, run live for a while,
 * then the kernel's high-water mark (VmHWM) is read.
 */
public final class MemoryBench {
  private MemoryBench() {}

  public static List<Figure> run(BenchConfig config, Path dir, PrintStream log) throws Exception {
    List<Figure> out = new ArrayList<>();
    for (int twins : List.of(1_000, 10_000)) {
      Path data = dir.resolve("twins-" + twins);
      double rss;
      double up;
      try (StackProcess stack = StackProcess.stack(data, Map.of("GENERATOR_TWINS", String.valueOf(twins),
          "GENERATOR_BACKFILL_DAYS", "0"), config.childJvmOptions())) {
        up = stack.awaitReady(Duration.ofMinutes(5));
        Thread.sleep(config.memoryRun().toMillis()); // the stack runs live; nothing to wait for but time
        rss = stack.peakRssMb();
      }
      log.printf("  %,d live twins: peak RSS %.0f MB (up in %.1f s)%n", twins, rss, up);
      out.add(Figure.of(String.format("peak RSS of the embedded stack, %,d live twins", twins),
          Measure.of("VmHWM", "MB", rss), null,
          String.format("./twin up's main with -Xmx3g, GENERATOR_TWINS=%d, no backfill, read after %d s live "
              + "(1 reading per twin per simulated minute, real time)", twins, config.memoryRun().toSeconds())));
    }
    return out;
  }
}
