package ai.digitaltwin.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One part of the system in a JVM of its own, started from a class path and a main class, its output
 * appended to a log file: the embedded stack as {@code ./twin up} runs it, a query API, a Flink or Kafka
 * node of the cluster test. It is taken along when this JVM ends (a suite stopped with Ctrl-C or by a
 * timeout leaves nothing running). {@link #kill()} is {@code kill -9}: no shutdown hook runs, nothing is
 * flushed or closed; {@link #close()} is SIGTERM, then {@code kill -9} after the spec's grace.
 */
public final class ChildJvm implements AutoCloseable {
  /** The JVM flags Iceberg, Flink and Kryo need on Java 17, as {@code ./twin} passes them. */
  public static final List<String> JAVA_OPENS =
      List.of(
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED");

  /**
   * What to start: {@code java <jvmArgs> -cp <classpath> <mainClass> <args>} with {@code env} added to
   * this process's environment; {@code stopGrace}: how long {@link #close()} waits after SIGTERM.
   */
  public record Spec(
      String name, String classpath, String mainClass, List<String> args, List<String> jvmArgs,
      Map<String, String> env, Duration stopGrace) {
    public Spec(String name, String classpath, String mainClass, List<String> args, List<String> jvmArgs, Map<String, String> env) {
      this(name, classpath, mainClass, args, jvmArgs, env, Duration.ofSeconds(20));
    }

    /** {@code mainClass} on this JVM's class path with {@link #JAVA_OPENS}. */
    public static Spec here(String name, String mainClass) {
      return new Spec(name, System.getProperty("java.class.path"), mainClass, List.of(), JAVA_OPENS, Map.of());
    }

    public Spec withArgs(List<String> more) {
      return new Spec(name, classpath, mainClass, List.copyOf(more), jvmArgs, env, stopGrace);
    }

    /** {@code more} after the JVM flags already given. */
    public Spec withJvmArgs(List<String> more) {
      List<String> all = new ArrayList<>(jvmArgs);
      all.addAll(more);
      return new Spec(name, classpath, mainClass, args, List.copyOf(all), env, stopGrace);
    }

    public Spec withEnv(Map<String, String> variables) {
      return new Spec(name, classpath, mainClass, args, jvmArgs, Map.copyOf(variables), stopGrace);
    }

    public Spec withStopGrace(Duration grace) {
      return new Spec(name, classpath, mainClass, args, jvmArgs, env, grace);
    }
  }

  private final Spec spec;
  private final Path log;
  private final Process process;
  private final long startedNanos;

  private ChildJvm(Spec spec, Path log, Process process, long startedNanos) {
    this.spec = spec;
    this.log = log;
    this.process = process;
    this.startedNanos = startedNanos;
  }

  /** Starts {@code spec}, its output (stdout and stderr) appended to {@code log}. */
  public static ChildJvm start(Spec spec, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(spec.jvmArgs());
    command.add("-cp");
    command.add(spec.classpath());
    command.add(spec.mainClass());
    command.addAll(spec.args());
    try {
      if (log.getParent() != null) {
        Files.createDirectories(log.getParent());
      }
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(spec.env());
      long started = System.nanoTime();
      Process process = builder.start();
      // children outlive a killed JVM unless it takes them along (a test's timeout, Ctrl-C)
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-" + spec.name()));
      return new ChildJvm(spec, log, process, started);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + spec.name() + ": " + e.getMessage(), e);
    }
  }

  /** Starts {@code spec}, its output appended to {@code <logDir>/<name>.log}. */
  public static ChildJvm startIn(Spec spec, Path logDir) {
    return start(spec, logDir.resolve(spec.name() + ".log"));
  }

  public String name() {
    return spec.name();
  }

  public Spec spec() {
    return spec;
  }

  public Path log() {
    return log;
  }

  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** The process itself, for what this class does not say (its exit value, a wait of one's own). */
  public Process process() {
    return process;
  }

  /** {@link System#nanoTime()} just before the JVM was launched. */
  public long startedNanos() {
    return startedNanos;
  }

  /**
   * Waits, as {@link Await#until} does, for {@code ready}; but if the process exits first, fails at once
   * with its exit code and the end of its log. A port that answers is not proof: it may be another
   * process's.
   */
  public void awaitReady(String what, Duration timeout, BooleanSupplier ready) {
    awaitReady(what, timeout, Await.EVERY, ready);
  }

  /** As {@link #awaitReady(String, Duration, BooleanSupplier)}, checking every {@code every}; gives the nanoTime it held. */
  public long awaitReady(String what, Duration timeout, Duration every, BooleanSupplier ready) {
    return Await.until(what, timeout, every, () -> {
      if (!process.isAlive()) {
        throw new AssertionError(spec.name() + " exited with code " + process.exitValue() + " before " + what
            + "; the end of " + log + ":\n" + logTail(40));
      }
      return ready.getAsBoolean();
    });
  }

  /**
   * Waits until the log has a line containing {@code text} (checked every 20 ms) and returns the
   * {@link System#nanoTime()} it was seen at; fails at once if the process exits first.
   */
  public long awaitLine(String text, Duration timeout) {
    return awaitReady("'" + text + "' in " + log.getFileName(), timeout, Duration.ofMillis(20), () -> output().contains(text));
  }

  /** The whole log so far. */
  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** The last {@code lines} lines of the process's log. */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  /** Exit code once the process ended within {@code timeout}, or -1 if it still runs. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }

  /** Peak resident set size of the process so far, in MB (the kernel's VmHWM); 0 once it has ended. */
  public double peakRssMb() throws IOException {
    return peakRssMb(process.pid());
  }

  /** Peak resident set size so far of process {@code pid}, in MB (the kernel's VmHWM); 0 once it has ended. */
  public static double peakRssMb(long pid) throws IOException {
    List<String> status;
    try {
      status = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"));
    } catch (NoSuchFileException ended) {
      return 0;
    }
    for (String line : status) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return 0; // a process that is ending has no memory left to report
  }

  /** {@code kill -9}, and wait until the process is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM (shutdown hooks run), then {@code kill -9} if it is still there after the spec's grace. */
  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(spec.stopGrace().toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
    }
  }
}
