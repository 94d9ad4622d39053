package ai.digitaltwin.cluster;

import ai.digitaltwin.kafka.FreePorts;
import ai.digitaltwin.testkit.ChildJvm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The query API in its own JVM, reading the Iceberg tables in the S3 store through the REST catalog. */
final class ApiProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String ADMIN_PASSWORD = "cluster-test-admin";

  private final int port;
  private final Path dataDir;
  private final ChildJvm process;
  private final HttpClient http = HttpClient.newHttpClient();

  private ApiProcess(int port, Path dataDir, ChildJvm process) {
    this.port = port;
    this.dataDir = dataDir;
    this.process = process;
  }

  static ApiProcess start(Path dir, String bootstrap, Map<String, String> catalogEnv) throws InterruptedException {
    int port = FreePorts.next();
    Map<String, String> env = new HashMap<>(S3Store.clientEnv());
    env.putAll(catalogEnv);
    env.putAll(Map.of(
        "HOST", "127.0.0.1",
        "PORT", String.valueOf(port),
        "TWIN_DATA_DIR", dir.toString(),
        "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
        "SNAPSHOT_POLL_MS", "1000",
        "JWT_SECRET", "cluster-test-signing-key-of-more-than-32-characters",
        "ADMIN_PASSWORD", ADMIN_PASSWORD));
    ChildJvm process =
        ChildJvm.startIn(
            new ChildJvm.Spec(
                "query-api", Classpaths.test(), "ai.digitaltwin.api.QueryApiMain", List.of(),
                List.of("-Xmx384m", "-XX:+UseSerialGC", ProcessLogging.logbackFlag()), env),
            dir.resolve("logs"));
    ApiProcess api = new ApiProcess(port, dir, process);
    process.awaitReady("query API on " + port, Duration.ofMinutes(3), () -> api.healthOrNull() != null);
    return api;
  }

  Path dataDir() {
    return dataDir;
  }

  /** {@code GET /health}, or null while the API does not answer. */
  JsonNode healthOrNull() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** One row of {@code POST /api/v1/sql} as the admin, or null while the API cannot answer it. */
  JsonNode sqlRowOrNull(String sql) {
    try {
      JsonNode login = post("/api/v1/auth/login", JSON.createObjectNode().put("username", "admin").put("password", ADMIN_PASSWORD), null);
      String token = login.path("access_token").asText(null);
      if (token == null) {
        return null;
      }
      JsonNode answer = post("/api/v1/sql", JSON.createObjectNode().put("sql", sql), token);
      JsonNode rows = answer.path("rows");
      return rows.size() == 1 ? rows.get(0) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private JsonNode post(String path, JsonNode body, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }
}
