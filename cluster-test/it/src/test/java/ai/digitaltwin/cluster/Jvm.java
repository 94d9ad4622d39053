package ai.digitaltwin.cluster;

import ai.digitaltwin.testkit.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One part of the system in its own JVM, started from a class path and a main class, its output in a log
 * file. {@link #kill()} is {@code kill -9}: no shutdown hook runs, nothing is flushed or closed.
 */
final class Jvm implements AutoCloseable {
  /** What to start: {@code java <jvmArgs> -cp <classpath> <mainClass> <args>} with {@code env} added. */
  record Spec(
      String name, String classpath, String mainClass, List<String> args, List<String> jvmArgs,
      Map<String, String> env) {}

  private final Spec spec;
  private final Path log;
  private final Process process;

  private Jvm(Spec spec, Path log, Process process) {
    this.spec = spec;
    this.log = log;
    this.process = process;
  }

  static Jvm start(Spec spec, Path logDir) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(spec.jvmArgs());
    command.add("-cp");
    command.add(spec.classpath());
    command.add(spec.mainClass());
    command.addAll(spec.args());
    try {
      Files.createDirectories(logDir);
      Path log = logDir.resolve(spec.name() + ".log");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(spec.env());
      Process process = builder.start();
      // children outlive a killed test JVM unless it takes them along (surefire's timeout, Ctrl-C)
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-" + spec.name()));
      return new Jvm(spec, log, process);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + spec.name() + ": " + e.getMessage(), e);
    }
  }

  String name() {
    return spec.name();
  }

  Spec spec() {
    return spec;
  }

  Path log() {
    return log;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /**
   * Waits, as {@link Await#until} does, for {@code ready}; but if the process exits first, fails at
   * once with its exit code and the end of its log. A port that answers is not proof: it may be another
   * process's.
   */
  void awaitReady(Duration timeout, String what, BooleanSupplier ready) throws InterruptedException {
    Await.until(what, timeout, () -> {
      if (!process.isAlive()) {
        throw new AssertionError(spec.name() + " exited with code " + process.exitValue() + " before " + what
            + "; the end of " + log + ":\n" + logTail(40));
      }
      return ready.getAsBoolean();
    });
  }

  /** The last {@code lines} lines of the process's log. */
  String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  /** Exit code once the process ended within {@code timeout}, or -1 if it still runs. */
  int awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }

  /** {@code kill -9}, and wait until the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM (shutdown hooks run), then {@code kill -9} if it is still there after 20 s. */
  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      kill();
    }
  }
}
