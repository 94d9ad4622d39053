package ai.digitaltwin.cluster;

import ai.digitaltwin.kafka.FreePorts;
import ai.digitaltwin.submit.FlinkRest;
import ai.digitaltwin.testkit.Await;
import ai.digitaltwin.testkit.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Flink session cluster started from Flink's own entrypoints, as a distribution's scripts would: a
 * JobManager ({@code StandaloneSessionClusterEntrypoint}) and TaskManagers ({@code TaskManagerRunner}),
 * each its own JVM with Flink's class path only. The job and its connectors arrive as an uploaded jar.
 */
final class FlinkCluster implements AutoCloseable {
  static final int SLOTS_PER_TASK_MANAGER = 2;

  /** What Flink's config.yaml sets for Java 17 ({@code env.java.default-opts.all}). */
  private static final List<String> JAVA_17_OPENS =
      List.of(
          "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.text=ALL-UNNAMED",
          "--add-opens=java.base/java.time=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

  private final Path dir;
  private final int restPort;
  private final Map<String, String> env;
  /**
   * How often a TaskManager that exited on its own before registering is started again. On a starved
   * machine Pekko's classic remoting may not bind within its fixed 10 s (Flink's {@code
   * pekko.startup-timeout} does not reach it), and the process exits; that is the machine, not the job.
   */
  private static final int MAX_RESTARTS = 3;

  private final List<ChildJvm> taskManagers = new ArrayList<>();
  private final Set<String> killed = new HashSet<>();
  private int restarts;
  private ChildJvm jobManager;

  private FlinkCluster(Path dir, Map<String, String> env) {
    this.dir = dir;
    this.restPort = FreePorts.next();
    this.env = Map.copyOf(env);
  }

  /**
   * Starts a JobManager and {@code taskManagers} TaskManagers without waiting for them (see
   * {@link #awaitTaskManagers}); {@code env} reaches every process.
   */
  static FlinkCluster launch(Path dir, int taskManagers, Map<String, String> env) {
    FlinkCluster cluster = new FlinkCluster(dir, env);
    cluster.writeConfig();
    cluster.jobManager =
        cluster.jvm("jobmanager", "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", List.of(), "-Xmx384m");
    for (int i = 0; i < taskManagers; i++) {
      cluster.startTaskManager();
    }
    return cluster;
  }

  FlinkRest rest() {
    return new FlinkRest(URI.create("http://127.0.0.1:" + restPort));
  }

  String savepointDir() {
    return dir.resolve("savepoints").toUri().toString();
  }

  int taskManagerCount() {
    return (int) taskManagers.stream().filter(ChildJvm::alive).count();
  }

  /** Starts one more TaskManager (a replacement, or more capacity). */
  void startTaskManager() {
    taskManagers.add(taskManager("taskmanager-" + (taskManagers.size() + 1)));
  }

  private ChildJvm taskManager(String name) {
    return jvm(name, "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
        List.of("-Dtaskmanager.resource-id=" + name), "-Xmx416m");
  }

  /** Starts again, under the same name, each TaskManager that exited without being killed. */
  private void restartExitedTaskManagers() {
    for (int i = 0; i < taskManagers.size(); i++) {
      ChildJvm tm = taskManagers.get(i);
      if (!tm.alive() && !killed.contains(tm.name()) && restarts < MAX_RESTARTS) {
        restarts++;
        System.out.printf("%s exited before it registered (its log: %s); starting it again%n", tm.name(), tm.log());
        taskManagers.set(i, taskManager(tm.name()));
      }
    }
  }

  /** {@code kill -9} of a TaskManager that runs tasks of the job; returns its name. */
  String killBusyTaskManager() throws IOException, InterruptedException {
    for (FlinkRest.TaskManager tm : rest().taskManagers()) {
      if (tm.freeSlots() < tm.slots()) {
        ChildJvm process = taskManagers.stream().filter(j -> j.name().equals(tm.id())).findFirst().orElseThrow();
        killed.add(process.name());
        process.kill();
        return tm.id();
      }
    }
    throw new IllegalStateException("no TaskManager runs a task: " + rest().taskManagers());
  }

  void awaitTaskManagers(int count, Duration timeout) throws InterruptedException {
    FlinkRest rest = rest();
    Await.until(count + " TaskManagers registered", timeout, () -> {
      restartExitedTaskManagers();
      try {
        return rest.overview().taskManagers() == count;
      } catch (IOException notYet) {
        return false;
      }
    });
  }

  private ChildJvm jvm(String name, String main, List<String> dynamicProperties, String heap) {
    List<String> args = new ArrayList<>(List.of("--configDir", dir.resolve("conf").toString()));
    args.addAll(dynamicProperties);
    List<String> jvmArgs = new ArrayList<>(JAVA_17_OPENS);
    jvmArgs.addAll(List.of(heap, "-XX:MaxDirectMemorySize=192m", "-XX:MaxMetaspaceSize=256m", "-XX:+UseG1GC", ProcessLogging.log4jFlag()));
    return ChildJvm.startIn(new ChildJvm.Spec(name, Classpaths.flinkDist(), main, args, jvmArgs, env), dir.resolve("logs"));
  }

  private void writeConfig() {
    String config = """
        jobmanager.rpc.address: 127.0.0.1
        jobmanager.rpc.port: %d
        jobmanager.bind-host: 127.0.0.1
        rest.address: 127.0.0.1
        rest.bind-address: 127.0.0.1
        rest.port: %d
        taskmanager.host: 127.0.0.1
        taskmanager.bind-host: 127.0.0.1
        taskmanager.numberOfTaskSlots: %d
        taskmanager.cpu.cores: 1
        taskmanager.memory.framework.heap.size: 64m
        taskmanager.memory.task.heap.size: 320m
        taskmanager.memory.framework.off-heap.size: 64m
        taskmanager.memory.task.off-heap.size: 32m
        taskmanager.memory.managed.size: 16m
        taskmanager.memory.network.min: 64m
        taskmanager.memory.network.max: 64m
        taskmanager.memory.jvm-metaspace.size: 256m
        taskmanager.memory.jvm-overhead.min: 64m
        taskmanager.memory.jvm-overhead.max: 64m
        execution.checkpointing.dir: %s
        execution.checkpointing.savepoint-dir: %s
        restart-strategy.type: fixed-delay
        restart-strategy.fixed-delay.attempts: 1000
        restart-strategy.fixed-delay.delay: 1 s
        heartbeat.interval: 1000
        heartbeat.timeout: 6000
        pekko.startup-timeout: 60 s
        pekko.ask.timeout: 30 s
        classloader.check-leaked-classloader: false
        taskmanager.load-balance.mode: SLOTS
        web.upload.dir: %s
        io.tmp.dirs: %s
        """.formatted(
            FreePorts.next(), restPort, SLOTS_PER_TASK_MANAGER,
            dir.resolve("checkpoints").toUri(), dir.resolve("savepoints").toUri(),
            dir.resolve("uploads"), dir.resolve("tmp"));
    try {
      Files.createDirectories(dir.resolve("conf"));
      Files.createDirectories(dir.resolve("uploads"));
      Files.createDirectories(dir.resolve("tmp"));
      Files.writeString(dir.resolve("conf").resolve("config.yaml"), config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (ChildJvm tm : taskManagers) {
      tm.close();
    }
    if (jobManager != null) {
      jobManager.close();
    }
  }
}
