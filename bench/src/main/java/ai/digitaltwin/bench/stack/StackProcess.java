package ai.digitaltwin.bench.stack;

import ai.digitaltwin.kafka.FreePorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Java main of this build in its own process, as {@code ./twin up} starts the embedded stack: the same
 * JVM flags, its own ports, its output to a file. Start-up time is read from the line the main prints
 * when it is ready; peak memory from the kernel's VmHWM of the process.
 */
public final class StackProcess implements AutoCloseable {
  static final String STACK_MAIN = ai.digitaltwin.stack.TwinStackMain.class.getName();

  private final Process process;
  private final long startedNanos;
  private final Map<String, String> env;
  private final CountDownLatch ready = new CountDownLatch(1);
  private volatile long readyNanos;

  private StackProcess(Process process, long startedNanos, Map<String, String> env, String readyLine, Path output) {
    this.process = process;
    this.startedNanos = startedNanos;
    this.env = Map.copyOf(env);
    Thread reader = new Thread(() -> pump(readyLine, output), "bench-child-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * The embedded stack ({@code ./twin up}) on {@code dataDir} with free ports; {@code env} adds to the
   * defaults, {@code jvmOptions} to the JVM's flags.
   */
  public static StackProcess stack(Path dataDir, Map<String, String> env, List<String> jvmOptions) throws IOException {
    Map<String, String> all = new HashMap<>(env);
    all.put("TWIN_DATA_DIR", dataDir.toString());
    all.put("PORT", String.valueOf(FreePorts.next()));
    all.put("KAFKA_PORT", String.valueOf(FreePorts.next()));
    all.put("KAFKA_CONTROLLER_PORT", String.valueOf(FreePorts.next()));
    Files.createDirectories(dataDir.resolve("logs"));
    return start(STACK_MAIN, List.of(), all, jvmOptions, "is up in", dataDir.resolve("logs").resolve("stdout.log"));
  }

  /** {@code jvmOptions}: added to the JVM's flags ({@link ai.digitaltwin.bench.BenchConfig#childJvmOptions}). */
  public static StackProcess start(
      String main, List<String> args, Map<String, String> env, List<String> jvmOptions, String readyLine, Path output)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ai.digitaltwin.stack.StackProcess.JAVA_OPENS);
    command.add("-Xmx3g");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    long started = System.nanoTime();
    Process process = builder.start();
    // a benchmark stopped with Ctrl-C must not leave a stack running
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "bench-child-reaper"));
    return new StackProcess(process, started, env, readyLine, output);
  }

  /** Seconds from launching the JVM to its ready line. */
  public double awaitReady(Duration timeout) throws InterruptedException {
    if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("not ready within " + timeout.toSeconds() + " s (alive: " + process.isAlive() + ")");
    }
    return (readyNanos - startedNanos) / 1e9;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + env.get("PORT");
  }

  String kafkaBootstrap() {
    return "127.0.0.1:" + env.get("KAFKA_PORT");
  }

  /** Peak resident set size of the process so far, in MB (the kernel's VmHWM). */
  double peakRssMb() throws IOException {
    return peakRssMb(process.pid());
  }

  /** Peak resident set size so far of process {@code pid}, in MB; 0 once it has ended. */
  public static double peakRssMb(long pid) throws IOException {
    List<String> status;
    try {
      status = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"));
    } catch (java.nio.file.NoSuchFileException ended) {
      return 0;
    }
    for (String line : status) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return 0; // a process that is ending has no memory left to report
  }

  private void pump(String readyLine, Path output) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var out = Files.newBufferedWriter(output)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (ready.getCount() > 0 && line.contains(readyLine)) {
          readyNanos = System.nanoTime();
          ready.countDown();
        }
        out.write(line);
        out.newLine();
        out.flush();
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  /** Stops as Ctrl-C does (SIGTERM: the stack stops cleanly, the job with a savepoint). */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
