package ai.digitaltwin.cluster;

import ai.digitaltwin.kafka.FreePorts;
import ai.digitaltwin.testkit.ApiClient;
import ai.digitaltwin.testkit.ChildJvm;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The query API in its own JVM, reading the Iceberg tables in the S3 store through the REST catalog. */
final class ApiProcess implements AutoCloseable {
  static final String ADMIN_PASSWORD = "cluster-test-admin";

  private final int port;
  private final Path dataDir;
  private final ChildJvm process;
  private final ApiClient api;

  private ApiProcess(int port, Path dataDir, ChildJvm process) {
    this.port = port;
    this.dataDir = dataDir;
    this.process = process;
    this.api = new ApiClient("http://127.0.0.1:" + port);
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
      return api.get("/health", null).json();
    } catch (UncheckedIOException | IllegalStateException notYet) {
      return null;
    }
  }

  /** One row of {@code POST /api/v1/sql} as the admin, or null while the API cannot answer it. */
  JsonNode sqlRowOrNull(String sql) {
    try {
      JsonNode rows = api.sql(api.login("admin", ADMIN_PASSWORD), sql).path("rows");
      return rows.size() == 1 ? rows.get(0) : null;
    } catch (UncheckedIOException | IllegalStateException notYet) {
      return null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }
}
