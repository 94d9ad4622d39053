package ai.digitaltwin.stack.dashboard;

import ai.digitaltwin.stack.TwinStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The real embedded stack for the browser tests, started once: Kafka, the stream job, the generator
 * (three demo twins, three days of backfill, then 600× real time) and the API with an admin user.
 * Also a small HTTP client, so tests compare what the page shows with what the API answers.
 */
final class DashboardStack implements AutoCloseable {
  static final String ADMIN_PASSWORD = "dashboard-admin-pw";
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final TwinStack stack;
  final String base;
  private final String token;

  private DashboardStack(TwinStack stack, String base, String token) {
    this.stack = stack;
    this.base = base;
    this.token = token;
  }

  static DashboardStack start(Path dir) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("TWIN_DATA_DIR", dir.resolve("data").toString());
    env.put("PORT", String.valueOf(freePort()));
    env.put("KAFKA_PORT", String.valueOf(freePort()));
    env.put("KAFKA_CONTROLLER_PORT", String.valueOf(freePort()));
    env.put("GENERATOR_TWINS", "3");
    env.put("GENERATOR_SEED", "7");
    env.put("GENERATOR_BACKFILL_DAYS", "3");
    env.put("GENERATOR_SPEED", "600");
    env.put("CHECKPOINT_INTERVAL_MS", "2000");
    env.put("SNAPSHOT_POLL_MS", "300");
    // twin state follows the watermark, which a silent topic (chat, registry) holds back until it counts as
    // idle: 30 s of wall time by default, five simulated hours at 600x, so the live views would stall
    env.put("SOURCE_IDLENESS_MS", "3000");
    env.put("JWT_SECRET", "dashboard-test-secret-0123456789-abcdefghijklmnop");
    env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
    TwinStack stack = TwinStack.start(env, new PrintStream(Files.newOutputStream(dir.resolve("stack.log"))));
    String base = "http://127.0.0.1:" + stack.apiPort();
    try {
      String token = login(base);
      DashboardStack running = new DashboardStack(stack, base, token);
      await(Duration.ofSeconds(180), () -> running.readings("demo-001") >= 200, "200 readings of demo-001");
      // the first state waits for the watermark to pass the backfill: slower on a loaded machine
      await(Duration.ofSeconds(180), () -> !running.get("/api/v1/twins/demo-001").get("state").isNull(), "a twin state");
      return running;
    } catch (Exception | AssertionError e) {
      stack.close();
      throw e;
    }
  }

  private static String login(String base) throws IOException, InterruptedException {
    String body = JSON.writeValueAsString(Map.of("username", "admin", "password", ADMIN_PASSWORD));
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError("admin login failed: " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body()).get("access_token").asText();
  }

  /** GET with the admin's token; anything but 200 fails the test with the body. */
  JsonNode get(String path) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(path + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code POST /api/v1/sql} as the admin: the columns and rows the API's SQL endpoint returns. */
  JsonNode sql(String sql) {
    try {
      String body = JSON.writeValueAsString(Map.of("sql", sql, "limit", 1000));
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/sql"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("SQL answered " + response.statusCode() + ": " + response.body() + "\n" + sql);
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("SQL: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
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

  static void await(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException | AssertionError notYet) {
        // not there yet
      }
      Thread.sleep(250); // polling interval of a condition with a deadline, not a synchronisation
    }
    throw new AssertionError("timed out after " + timeout + " waiting for " + what);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    stack.close();
  }
}
