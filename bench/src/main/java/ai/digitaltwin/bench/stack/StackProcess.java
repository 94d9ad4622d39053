package ai.digitaltwin.bench.stack;

import ai.digitaltwin.kafka.FreePorts;
import ai.digitaltwin.testkit.ChildJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Java main of this build in its own process ({@link ChildJvm}), as {@code ./twin up} starts the embedded
 * stack: the same JVM flags, its own ports, its output to a file. Start-up time is the time from the
 * launch to the line the main prints when it is ready; peak memory the kernel's VmHWM of the process.
 */
public final class StackProcess implements AutoCloseable {
  static final String STACK_MAIN = ai.digitaltwin.stack.TwinStackMain.class.getName();

  private final ChildJvm jvm;
  private final Map<String, String> env;
  private final String readyLine;

  private StackProcess(ChildJvm jvm, Map<String, String> env, String readyLine) {
    this.jvm = jvm;
    this.env = Map.copyOf(env);
    this.readyLine = readyLine;
  }

  /**
   * The embedded stack ({@code ./twin up}) on {@code dataDir} with free ports; {@code env} adds to the
   * defaults, {@code jvmOptions} to the JVM's flags.
   */
  public static StackProcess stack(Path dataDir, Map<String, String> env, List<String> jvmOptions) {
    Map<String, String> all = new HashMap<>(env);
    all.put("TWIN_DATA_DIR", dataDir.toString());
    all.put("PORT", String.valueOf(FreePorts.next()));
    all.put("KAFKA_PORT", String.valueOf(FreePorts.next()));
    all.put("KAFKA_CONTROLLER_PORT", String.valueOf(FreePorts.next()));
    return start(STACK_MAIN, List.of(), all, jvmOptions, "is up in", dataDir.resolve("logs").resolve("stdout.log"));
  }

  /** {@code jvmOptions}: added to the JVM's flags ({@link ai.digitaltwin.bench.BenchConfig#childJvmOptions}). */
  public static StackProcess start(
      String main, List<String> args, Map<String, String> env, List<String> jvmOptions, String readyLine, Path output) {
    List<String> flags = new ArrayList<>(List.of("-Xmx3g"));
    flags.addAll(jvmOptions);
    ChildJvm jvm = ChildJvm.start(
        ChildJvm.Spec.here(main.substring(main.lastIndexOf('.') + 1), main)
            .withJvmArgs(flags)
            .withArgs(args)
            .withEnv(env)
            // a stack stops with a savepoint on SIGTERM
            .withStopGrace(Duration.ofSeconds(120)),
        output);
    return new StackProcess(jvm, env, readyLine);
  }

  /** Seconds from launching the JVM to its ready line. */
  public double awaitReady(Duration timeout) {
    return (jvm.awaitLine(readyLine, timeout) - jvm.startedNanos()) / 1e9;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + env.get("PORT");
  }

  String kafkaBootstrap() {
    return "127.0.0.1:" + env.get("KAFKA_PORT");
  }

  /** Peak resident set size of the process so far, in MB (the kernel's VmHWM). */
  double peakRssMb() throws IOException {
    return jvm.peakRssMb();
  }

  /** Stops as Ctrl-C does (SIGTERM: the stack stops cleanly, the job with a savepoint). */
  @Override
  public void close() throws InterruptedException {
    jvm.close();
  }
}
