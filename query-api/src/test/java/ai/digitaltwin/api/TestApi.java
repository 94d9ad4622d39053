package ai.digitaltwin.api;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.config.Env;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real API for one test class: an Iceberg catalog in a temp dir, the shared broker, real HTTP on a free
 * port, and an admin bootstrapped through {@code ADMIN_PASSWORD} as the embedded stack does it.
 */
final class TestApi implements AutoCloseable {
  static final String SECRET = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
  static final String ADMIN_PASSWORD = "admin-password-1";
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  final TwinCatalog catalog;
  final ApiRuntime runtime;
  final ApiConfig config;
  final String base;

  private TestApi(TwinCatalog catalog, ApiRuntime runtime, ApiConfig config) {
    this.catalog = catalog;
    this.runtime = runtime;
    this.config = config;
    this.base = "http://127.0.0.1:" + runtime.port();
  }

  /** A catalog with every table, ready for {@link TableWriter}; the API starts in {@link #start}. */
  static TwinCatalog catalog(Path dir) {
    TwinCatalog catalog = TwinCatalog.open(CatalogConfig.local(dir.resolve("warehouse")));
    catalog.ensureTables();
    return catalog;
  }

  /** DuckDB over every table of {@code catalog}, refreshed only when a test asks ({@code refreshNow}). */
  static ai.digitaltwin.api.history.TwinHistory history(TwinCatalog catalog) {
    return ai.digitaltwin.api.history.TwinHistory.open(
        new ai.digitaltwin.api.history.IcebergViews(
            new ai.digitaltwin.api.history.IcebergTables(catalog, java.time.Duration.ZERO,
                // beside a local warehouse, whose files are read where they are: never written
                ai.digitaltwin.api.history.DataFileCache.in(Path.of(catalog.config().warehouse()).resolveSibling("data-files"))),
            ai.digitaltwin.schemas.Tables.ALL),
        java.time.Duration.ofSeconds(5),
        java.time.Duration.ofHours(1));
  }

  static TestApi start(Path dir, TwinCatalog catalog, Map<String, String> extraEnv) {
    return start(dir, catalog, extraEnv, java.time.Clock.systemUTC());
  }

  /** As {@link #start(Path, TwinCatalog, Map)} with the API on {@code clock}. */
  static TestApi start(Path dir, TwinCatalog catalog, Map<String, String> extraEnv, java.time.Clock clock) {
    Map<String, String> env = new HashMap<>();
    env.put("PORT", "0");
    env.put("TWIN_DATA_DIR", dir.toString());
    env.put("ICEBERG_WAREHOUSE", dir.resolve("warehouse").toString());
    env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrap());
    env.put("JWT_SECRET", SECRET);
    env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("SNAPSHOT_POLL_MS", "200");
    env.put("QUERY_TIMEOUT_MS", "5000");
    env.put("SQL_TIMEOUT_MS", "2000");
    env.putAll(extraEnv);
    ApiConfig config = ApiConfig.fromEnv(Env.of(env));
    return new TestApi(catalog, ApiRuntime.start(config, java.util.List.of(), clock), config);
  }

  /** Registers (if new) and logs in; returns the token. Users are shared by every API on the broker. */
  String login(String username, String password) throws Exception {
    HttpResponse<String> response =
        post("/api/v1/auth/login", null, Map.of("username", username, "password", password));
    if (response.statusCode() != 200) {
      throw new AssertionError("login of " + username + " failed: " + response.body());
    }
    return JSON.readTree(response.body()).get("access_token").asText();
  }

  String userToken(String username) throws Exception {
    String password = username + "-password";
    HttpResponse<String> registered =
        post("/api/v1/auth/register", null, Map.of("username", username, "password", password));
    if (registered.statusCode() != 201 && registered.statusCode() != 409) {
      throw new AssertionError("register of " + username + " failed: " + registered.body());
    }
    return login(username, password);
  }

  /** A user with another role, created by the admin. */
  String tokenWithRole(String username, String role) throws Exception {
    String password = username + "-password";
    HttpResponse<String> registered =
        post(
            "/api/v1/auth/register",
            adminToken(),
            Map.of("username", username, "password", password, "role", role));
    if (registered.statusCode() != 201 && registered.statusCode() != 409) {
      throw new AssertionError("register of " + username + " failed: " + registered.body());
    }
    return login(username, password);
  }

  String adminToken() throws Exception {
    return login("admin", ADMIN_PASSWORD);
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    return HTTP.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String token, Object body) throws Exception {
    return send("POST", path, token, body);
  }

  HttpResponse<String> send(String method, String path, String token, Object body) throws Exception {
    String text = body instanceof String s ? s : JSON.writeValueAsString(body);
    HttpRequest.Builder builder =
        request(path, token)
            .header("Content-Type", body instanceof String ? "text/plain" : "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
    return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  @Override
  public void close() throws Exception {
    runtime.close();
    catalog.close();
  }
}
