package ai.digitaltwin.bench.importer;

import ai.digitaltwin.bench.api.HttpApi;
import ai.digitaltwin.bench.stack.StackProcess;
import ai.digitaltwin.importer.cli.ImportCommand;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.testkit.ChildJvm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An export imported end to end, as a person would: the embedded stack started in a process of its own
 * ({@code ./twin up}'s main), then {@code ./twin import}'s command in a JVM of its own under {@code
 * -Xmx512m} (the script's default heap), timed from its launch until it returns. It returns once every
 * reading it sent is visible in history over SQL ({@code --wait}), so the time is "imported and
 * queryable". Its peak memory is the kernel's VmHWM, read while it runs.
 */
final class ImportIntoStack {
  static final String PASSWORD = "bench-import-admin-pw";
  static final String TWIN = "bench-year";
  static final String HEAP = "-Xmx512m";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What landed, how long it took, the importer's peak memory, and the rows history holds. */
  record Result(long records, double seconds, double peakRssMb, long rowsInHistory) {}

  private ImportIntoStack() {}

  static Result run(Path export, Path work, List<String> jvmOptions, PrintStream log) throws Exception {
    Map<String, String> env = Map.of("ADMIN_PASSWORD", PASSWORD, "GENERATOR_TWINS", "1", "GENERATOR_BACKFILL_DAYS", "0");
    try (StackProcess stack = StackProcess.stack(work.resolve("data"), env, jvmOptions)) {
      log.printf(Locale.ROOT, "  stack up in %.1f s%n", stack.awaitReady(Duration.ofMinutes(5)));
      Path password = Files.writeString(work.resolve("admin-password"), PASSWORD);
      Path out = work.resolve("import.out");
      Path err = work.resolve("import.err");
      List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
          "-cp", System.getProperty("java.class.path"), ImportCommand.class.getName(),
          "--api", stack.baseUrl(), "--password-file", password.toString(), "--twin", TWIN,
          "--timezone", "America/Los_Angeles", "--no-progress", "--wait", "1800", export.toString());
      long start = System.nanoTime();
      Process importer = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      double peak = 0;
      while (!importer.waitFor(200, TimeUnit.MILLISECONDS)) {
        peak = Math.max(peak, ChildJvm.peakRssMb(importer.pid()));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (importer.exitValue() != 0) {
        throw new IllegalStateException("./twin import exited " + importer.exitValue() + ": " + Files.readString(err).strip());
      }
      List<String> lines = Files.readAllLines(out);
      JsonNode summary = JSON.readTree(lines.get(lines.size() - 1));
      HttpApi api = HttpApi.login(stack.baseUrl(), "admin", PASSWORD);
      String sql = "SELECT count(*) FROM " + Tables.HEALTH_EVENTS + " WHERE twin_id = '" + TWIN + "'";
      JsonNode rows = JSON.readTree(api.post("/api/v1/sql", Map.of("sql", sql)).body()).get("rows");
      log.printf(Locale.ROOT, "  imported %,d records, queryable after %.1f s; importer peak RSS %.0f MB (%s)%n",
          summary.get("records").asLong(), seconds, peak, HEAP);
      return new Result(summary.get("records").asLong(), seconds, peak, rows.get(0).get(0).asLong());
    } catch (IOException e) {
      throw new IllegalStateException("the end-to-end import could not run: " + e.getMessage(), e);
    }
  }
}
