package ai.digitaltwin.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the figures were measured on: they are only comparable on the same kind of machine, and the load
 * average says how much else was running (other builds share these machines).
 *
 * @param memoryMb total memory from /proc/meminfo (0 where it cannot be read)
 * @param loadAverage 1-minute load average when taken (negative where unavailable)
 */
public record Machine(int cores, long memoryMb, String javaVersion, String os, double loadAverage) {
  public static Machine current() {
    return new Machine(Runtime.getRuntime().availableProcessors(), totalMemoryMb(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        currentLoad());
  }

  /** The 1-minute load average now. */
  public static double currentLoad() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  public String describe() {
    return String.format(Locale.ROOT, "%d cores, %,d MB memory, %s, %s", cores, memoryMb, javaVersion, os);
  }

  private static long totalMemoryMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: memory unknown
    }
    return 0;
  }
}
