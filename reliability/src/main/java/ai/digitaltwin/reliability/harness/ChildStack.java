package ai.digitaltwin.reliability.harness;

import ai.digitaltwin.testkit.ApiClient;
import ai.digitaltwin.stack.TwinStackMain;
import ai.digitaltwin.testkit.Await;
import ai.digitaltwin.testkit.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The embedded stack as users run it ({@code ./twin up}): its own JVM, state in its own directory, so it
 * can be killed with SIGKILL and started again on the same directory. Output goes to a log file per start.
 */
public final class ChildStack implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final ApiClient api;

  private ChildStack(Process process, Path log, ApiClient api) {
    this.process = process;
    this.log = log;
    this.api = api;
  }

  /** Starts {@code TwinStackMain} with {@code env} added to this process's environment. */
  public static ChildStack launch(Map<String, String> env, Path log) {
    ChildJvm stack = ChildJvm.start(
        ChildJvm.Spec.here("stack", TwinStackMain.class.getName()).withJvmArgs(List.of("-Xmx1g")).withEnv(env), log);
    return new ChildStack(stack.process(), log, new ApiClient("http://127.0.0.1:" + env.get("PORT")));
  }

  public ApiClient api() {
    return api;
  }

  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** Waits until the stack printed that a start-up step is ready (e.g. "Generator"). */
  public void awaitStep(String step, Duration timeout) throws InterruptedException {
    Await.until(step + " ready in " + log.getFileName(), timeout, () -> {
      if (!process.isAlive()) {
        // an Error ends the wait at once: a dead stack never becomes ready
        throw new AssertionError("the stack exited with " + process.exitValue() + "; see " + log);
      }
      return output().lines().anyMatch(l -> l.contains("] " + step) && l.contains("ready in"));
    });
  }

  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** SIGKILL: no shutdown hook, no savepoint, no final commit. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM: the stack stops the generator, then maintenance, then the job with a savepoint, and exits. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(Duration.ofSeconds(90).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
