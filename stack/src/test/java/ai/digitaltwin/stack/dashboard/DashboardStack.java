package ai.digitaltwin.stack.dashboard;

import ai.digitaltwin.stack.StackClient;
import ai.digitaltwin.stack.TestStackEnv;
import ai.digitaltwin.stack.TwinStack;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The real embedded stack for the browser tests, started once: Kafka, the stream job, the generator
 * (three demo twins, three days of backfill, then 600× real time) and the API with an admin user;
 * {@link #start} returns once the stack is healthy, {@link #awaitData} once the history is there.
 * Also the admin's HTTP client, so tests compare what the page shows with what the API answers.
 */
final class DashboardStack implements AutoCloseable {
  static final String ADMIN_PASSWORD = "dashboard-admin-pw";

  final TwinStack stack;
  final String base;
  private final StackClient api;
  private boolean data;

  private DashboardStack(TwinStack stack, String base, StackClient api) {
    this.stack = stack;
    this.base = base;
    this.api = api;
  }

  static DashboardStack start(Path dir) throws Exception {
    Map<String, String> env = TestStackEnv.of(dir, ADMIN_PASSWORD);
    env.put("GENERATOR_TWINS", "3");
    env.put("GENERATOR_SEED", "7");
    env.put("GENERATOR_BACKFILL_DAYS", "3");
    TwinStack stack = TwinStack.start(env, new PrintStream(Files.newOutputStream(dir.resolve("stack.log"))));
    String base = TestStackEnv.base(env);
    try {
      return new DashboardStack(stack, base, StackClient.login(base, "admin", ADMIN_PASSWORD));
    } catch (Exception | AssertionError e) {
      stack.close();
      throw e;
    }
  }

  /** Waits, once, for the history the tests compare with: readings of demo-001 and its first state. */
  synchronized void awaitData() throws InterruptedException {
    if (data) {
      return;
    }
    await(Duration.ofSeconds(180), () -> readings("demo-001") >= 200, "200 readings of demo-001");
    // the first state waits for the watermark to pass the backfill: slower on a loaded machine
    await(Duration.ofSeconds(180), () -> {
      String status = twinStatus("demo-001");
      return status != null && !status.equals("warming_up");
    }, "a twin state");
    data = true;
  }

  /** The twin's status, or null while it is not in the registry yet. */
  String twinStatus(String twin) {
    try {
      return get("/api/v1/twins/" + twin).get("status").asText();
    } catch (RuntimeException | AssertionError e) {
      return null;
    }
  }

  /** GET with the admin's token; anything but 200 fails the test with the body. */
  JsonNode get(String path) {
    return api.get(path);
  }

  /** PUT with the admin's token; anything but 200 or 201 fails the test with the body. */
  JsonNode put(String path, Object body) {
    return api.call("PUT", path, body);
  }

  /** {@code POST /api/v1/sql} as the admin: the columns and rows the API's SQL endpoint returns. */
  JsonNode sql(String sql) {
    return api.sql(sql);
  }

  boolean hasRoute(String route) {
    for (JsonNode r : get("/dashboard/routes").get("routes")) {
      if (r.asText().equals(route)) {
        return true;
      }
    }
    return false;
  }

  int readings(String twin) {
    try {
      return get("/api/v1/twins/" + twin + "/health?limit=1000").get("readings").size();
    } catch (RuntimeException | AssertionError e) {
      return 0;
    }
  }

  static void await(Duration timeout, BooleanSupplier condition, String what) {
    StackClient.await(timeout, condition, what);
  }

  @Override
  public void close() {
    stack.close();
  }
}
