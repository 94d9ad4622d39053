package ai.digitaltwin.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the embedded stack as users run it ({@code ./twin up}): {@link TwinStackMain} in a JVM of its
 * own, on this JVM's class path, with the flags Iceberg needs on Java 17, so that it can be killed with
 * SIGKILL and started again on the same data directory.
 */
public final class StackProcess {
  /** The JVM flags Iceberg and Flink need on Java 17, as {@code ./twin} passes them. */
  public static final List<String> JAVA_OPENS =
      List.of(
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED");

  private StackProcess() {}

  /** Starts the stack with {@code env} added to this process's environment; its output goes to {@code log}. */
  public static Process start(Map<String, String> env, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JAVA_OPENS);
    command.add("-Xmx1g");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(TwinStackMain.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return builder.start();
  }
}
