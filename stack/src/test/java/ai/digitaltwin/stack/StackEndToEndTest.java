package ai.digitaltwin.stack;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.kafka.FreePorts;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.testkit.ApiClient;
import ai.digitaltwin.testkit.Await;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain, all real: the stack runs as its own process and is killed with SIGKILL while data
 * flows; a second start on the same directory must resume, and in the end every event the generator
 * reports as produced is in {@code health_events} exactly once.
 */
class StackEndToEndTest {
  private static final String ADMIN_PASSWORD = "end-to-end-admin-pw";

  /** Bearer token of the bootstrapped admin; the first process's token still works after the restart. */
  private static String token;
  private static ApiClient api;

  @TempDir Path dir;

  private Map<String, String> env(int apiPort, int kafkaPort, int controllerPort) {
    Map<String, String> env = new HashMap<>();
    env.put("TWIN_DATA_DIR", dir.resolve("data").toString());
    env.put("PORT", String.valueOf(apiPort));
    env.put("KAFKA_PORT", String.valueOf(kafkaPort));
    env.put("KAFKA_CONTROLLER_PORT", String.valueOf(controllerPort));
    env.put("GENERATOR_TWINS", "3");
    env.put("GENERATOR_SEED", "7");
    env.put("GENERATOR_SPEED", "600");
    env.put("CHECKPOINT_INTERVAL_MS", "2000");
    env.put("SNAPSHOT_POLL_MS", "300");
    env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
    return env;
  }

  @Test
  void survivesKillMinus9WithNoEventLostOrDuplicated() throws Exception {
    int apiPort = FreePorts.next();
    Map<String, String> env = env(apiPort, FreePorts.next(), FreePorts.next());
    String base = "http://127.0.0.1:" + apiPort;
    api = new ApiClient(base);

    Process first = TestStackEnv.launch(env, dir.resolve("first.log"));
    try {
      await(Duration.ofSeconds(180), () -> login(), "login on the first process", first);
      await(Duration.ofSeconds(180), () -> readings("demo-001") >= 3, "readings before the kill", first);
    } finally {
      first.destroyForcibly().waitFor();
    }
    String tsBeforeKill = latestTs("demo-001", false);
    assertThat(tsBeforeKill).isNull(); // the process is gone: nothing answers

    try (TwinStack stack = TwinStack.start(env, new PrintStream(Files.newOutputStream(dir.resolve("second.log"))))) {
      await(Duration.ofSeconds(180), () -> up(), "/health 200 after restart", null);
      JsonNode twins = get("/api/v1/twins");
      assertThat(twins.get("total").asLong()).isEqualTo(3);
      List<String> ids = new ArrayList<>();
      twins.get("items").forEach(t -> ids.add(t.get("twin_id").asText()));
      assertThat(ids).containsExactly("demo-001", "demo-002", "demo-003");
      assertThat(twins.get("items").get(0).get("name").asText()).isEqualTo("Demo Digital Twin");

      String first1 = latestTs("demo-001", true);
      await(Duration.ofSeconds(60), () -> !first1.equals(latestTs("demo-001", true)), "newer readings", null);

      stack.generator().close();
      long produced = stack.generator().produced(Topics.HEALTH);
      assertThat(produced).isGreaterThan(0);
      await(
          Duration.ofSeconds(90),
          () -> count(stack, "SELECT count(*) FROM health_events") == produced,
          "health_events to hold all " + produced + " produced events",
          null);
      assertThat(count(stack, "SELECT count(DISTINCT event_id) FROM health_events")).isEqualTo(produced);

      assertThat(status("/api/v1/twins/nobody")).isEqualTo(404);
      assertThat(status("/api/v1/twins/demo-001/health?limit=x")).isEqualTo(400);
      token = "forged." + token;
      assertThat(status("/api/v1/twins")).isEqualTo(401);
    }
  }

  private static long count(TwinStack stack, String sql) {
    stack.history().refreshNow();
    return ((Number) stack.history().query(sql, List.of()).rows().get(0).get(0)).longValue();
  }

  private static void await(Duration timeout, BooleanSupplier condition, String what, Process process) {
    Await.until(what, timeout, Duration.ofMillis(200), () -> {
      if (process != null && !process.isAlive()) {
        throw new AssertionError("the stack process exited (" + process.exitValue() + ") while waiting for " + what);
      }
      return condition.getAsBoolean();
    });
  }


  private static boolean up() {
    return status("/health") == 200;
  }

  private static int readings(String twin) {
    try {
      JsonNode body = get("/api/v1/twins/" + twin + "/health?limit=10");
      return body.get("readings").size();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static String latestTs(String twin, boolean mustAnswer) {
    try {
      return get("/api/v1/twins/" + twin + "/health").get("current").get("ts").asText();
    } catch (RuntimeException e) {
      if (mustAnswer) {
        throw e;
      }
      return null;
    }
  }

  private static boolean login() {
    try {
      ApiClient.Answer answer = api.loginAnswer("admin", ADMIN_PASSWORD);
      if (answer.status() != 200) {
        return false;
      }
      token = answer.json().get("access_token").asText();
      return true;
    } catch (UncheckedIOException | IllegalStateException e) {
      return false;
    }
  }

  private static int status(String path) {
    try {
      return api.get(path, token).status();
    } catch (UncheckedIOException | IllegalStateException e) {
      return -1;
    }
  }

  private static JsonNode get(String path) {
    return api.getOk(path, token);
  }
}
