package ai.digitaltwin.stack.notebooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one notebook headless with Debian's Jupyter ({@code /usr/bin/python3 -m nbconvert}, whose kernel
 * is {@code /usr/bin/python3}, not a pyenv one): every cell executes, an exception in any cell (a failed
 * assertion included) fails the run.
 */
final class Nbconvert {
  static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Duration CELL_TIMEOUT = Duration.ofSeconds(300);
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

  /** What a run printed and how it ended. */
  record Run(Path notebook, int exitCode, String output, Duration took) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  private Nbconvert() {}

  /** Why notebooks cannot run on this machine, or null when they can. */
  static String missing() {
    try {
      Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import nbconvert, ipykernel, pandas, matplotlib")
          .redirectErrorStream(true)
          .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor() == 0 ? null : out.strip();
    } catch (IOException e) {
      return e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  static Run execute(Path notebook, Path outputDir, Map<String, String> env) throws IOException, InterruptedException {
    Files.createDirectories(outputDir);
    Path log = outputDir.resolve(notebook.getFileName() + ".log");
    List<String> command =
        List.of(
            PYTHON.toString(), "-m", "nbconvert", "--to", "notebook", "--execute",
            "--ExecutePreprocessor.timeout=" + CELL_TIMEOUT.toSeconds(),
            "--output-dir", outputDir.toString(), notebook.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(notebook.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    builder.environment().put("PYTHONDONTWRITEBYTECODE", "1"); // no __pycache__ next to the sources
    long started = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      return new Run(notebook, -1, "timed out after " + RUN_TIMEOUT + "\n" + Files.readString(log), since(started));
    }
    return new Run(notebook, process.exitValue(), Files.readString(log), since(started));
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }
}
