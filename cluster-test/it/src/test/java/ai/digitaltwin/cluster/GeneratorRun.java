package ai.digitaltwin.cluster;

import ai.digitaltwin.testkit.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generator's backfill command line in its own JVM: {@code --days N --start T} produces history up
 * to {@code T + N days} and exits. Runs with the same id resume from the generator's checkpoint, so a
 * longer second run adds only the new days; the totals it prints count from the very first run.
 */
final class GeneratorRun {
  /** Events committed to each topic since the generator's first start, as it reports them. */
  record Produced(long health, long behavior, long groundTruth, long registry) {}

  private static final Pattern PRODUCED =
      Pattern.compile("produced ([\\d,.]+) health, ([\\d,.]+) behaviour, ([\\d,.]+) ground-truth, ([\\d,.]+) registry events");

  private final ChildJvm process;

  private GeneratorRun(ChildJvm process) {
    this.process = process;
  }

  static GeneratorRun start(Path logDir, String name, String bootstrap, int twins, Instant start, int days) {
    Map<String, String> env =
        Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
            "GENERATOR_ID", "cluster-test",
            "GENERATOR_SEED", "7",
            "GENERATOR_TWINS", String.valueOf(twins));
    return new GeneratorRun(
        ChildJvm.startIn(
            new ChildJvm.Spec(
                name, Classpaths.test(), "ai.digitaltwin.generator.GeneratorMain",
                List.of("--days", String.valueOf(days), "--start", start.toString()),
                List.of("-Xmx256m", "-XX:+UseSerialGC", ProcessLogging.logbackFlag()), env),
            logDir));
  }

  /** Waits for the run to end and returns what it reports to have produced in total. */
  Produced awaitProduced(Duration timeout) throws InterruptedException {
    int exit = process.awaitExit(timeout);
    String log = read(process.log());
    if (exit != 0) {
      throw new AssertionError("generator " + process.name() + " exited with " + exit + ":\n" + tail(log));
    }
    Matcher m = PRODUCED.matcher(log);
    Produced last = null;
    while (m.find()) {
      last = new Produced(number(m.group(1)), number(m.group(2)), number(m.group(3)), number(m.group(4)));
    }
    if (last == null) {
      throw new AssertionError("generator " + process.name() + " reported no counts:\n" + tail(log));
    }
    return last;
  }

  boolean alive() {
    return process.alive();
  }

  void close() throws InterruptedException {
    process.close();
  }

  private static long number(String digits) {
    return Long.parseLong(digits.replaceAll("[^0-9]", ""));
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(String log) {
    return log.length() <= 4000 ? log : log.substring(log.length() - 4000);
  }
}
