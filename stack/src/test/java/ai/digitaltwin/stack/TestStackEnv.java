package ai.digitaltwin.stack;

import ai.digitaltwin.kafka.FreePorts;
import ai.digitaltwin.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings every test of the embedded stack starts from: its own data directory and free ports, a
 * cadence fast enough for a test (checkpoints every 2 s, snapshot poll 300 ms, 600x simulated time, a
 * silent topic idle after 3 s), and an admin with a known password. Tests add what they are about.
 */
public final class TestStackEnv {
  private TestStackEnv() {}

  /** The stack as {@code ./twin up} runs it, in a JVM of its own with {@code env}; its output goes to {@code log}. */
  public static Process launch(Map<String, String> env, Path log) {
    return ChildJvm.start(
            ChildJvm.Spec.here("stack", TwinStackMain.class.getName()).withJvmArgs(List.of("-Xmx1g")).withEnv(env), log)
        .process();
  }

  public static Map<String, String> of(Path dir, String adminPassword) {
    Map<String, String> env = new HashMap<>();
    env.put("TWIN_DATA_DIR", dir.resolve("data").toString());
    env.put("PORT", String.valueOf(FreePorts.next()));
    env.put("KAFKA_PORT", String.valueOf(FreePorts.next()));
    env.put("KAFKA_CONTROLLER_PORT", String.valueOf(FreePorts.next()));
    env.put("GENERATOR_SPEED", "600");
    env.put("CHECKPOINT_INTERVAL_MS", "2000");
    env.put("SNAPSHOT_POLL_MS", "300");
    // twin state follows the watermark, which a silent topic (chat, registry) holds back until it counts as
    // idle: 30 s of wall time by default, five simulated hours at 600x
    env.put("SOURCE_IDLENESS_MS", "3000");
    env.put("JWT_SECRET", "stack-test-signing-key-0123456789-abcdefghijkl");
    env.put("ADMIN_PASSWORD", adminPassword);
    return env;
  }

  /** The base URL of the API that a stack started with {@code env} serves. */
  public static String base(Map<String, String> env) {
    return "http://127.0.0.1:" + env.get("PORT");
  }
}
