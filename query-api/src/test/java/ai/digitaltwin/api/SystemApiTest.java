package ai.digitaltwin.api;

import static ai.digitaltwin.api.AuthApiTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health, system info, Prometheus metrics, the OpenAPI document and Swagger UI. */
class SystemApiTest {
  @TempDir static Path dir;
  static TestApi api;

  @BeforeAll
  static void start() {
    api = TestApi.start(dir, TestApi.catalog(dir), Map.of());
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  @Test
  void healthReportsEachComponent() throws Exception {
    HttpResponse<String> response = api.get("/health", null);
    JsonNode body = TestApi.json(response);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(body.get("components").get("kafka").get("status").asText()).isEqualTo("up");
    assertThat(body.get("components").get("duckdb").get("status").asText()).isEqualTo("up");
  }

  @Test
  void systemInfoShowsVersionsAndConfigurationButNoSecret() throws Exception {
    HttpResponse<String> response = api.get("/system/info", null);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = TestApi.json(response);
    assertThat(body.get("versions").get("iceberg").asText()).startsWith("1.11");
    assertThat(body.get("versions").get("duckdb").asText()).startsWith("v");
    assertThat(body.get("config").get("SQL_TIMEOUT_MS").asInt()).isEqualTo(2000);
    assertThat(body.get("config").get("JWT_SECRET").asText()).isEqualTo("set");
    assertThat(response.body()).doesNotContain(TestApi.SECRET).doesNotContain(TestApi.ADMIN_PASSWORD);
  }

  @Test
  void metricsCountRealRequestsQueriesAndProduces() throws Exception {
    String route = "http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/twins\",status=\"200\"}";
    String produced = "kafka_produced_records_total{outcome=\"ok\",topic=\"twin.registry\"}";
    String metrics = api.get("/metrics", null).body();
    double requestsBefore = value(metrics, route);
    double producedBefore = value(metrics, produced);
    String token = api.userToken("mira");
    api.get("/api/v1/twins", token);
    api.get("/api/v1/twins", token);
    String id = TwinWriteApiTest.create(api, token, "Metric");
    assertThat(api.get("/api/v1/twins/" + id, token).statusCode()).isEqualTo(200);
    HttpResponse<String> after = api.get("/metrics", null);
    assertThat(after.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(value(after.body(), route)).isEqualTo(requestsBefore + 2);
    assertThat(value(after.body(), produced)).isEqualTo(producedBefore + 1);
    assertThat(value(after.body(), "duckdb_queries_seconds_count{kind=\"api\",outcome=\"ok\"}")).isPositive();
    assertThat(after.body()).contains("iceberg_view_refreshes_total{table=\"twin_registry\"}");
    // a path with an id is counted under its template, not under the raw path
    assertThat(after.body()).contains("route=\"/api/v1/twins/{id}\"").doesNotContain("route=\"/api/v1/twins/twin-");
  }

  static double value(String metrics, String series) {
    Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  @Test
  void everyRouteIsDocumentedWithResponses() throws Exception {
    JsonNode doc = TestApi.json(api.get("/openapi.json", null));
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    for (String route : api.runtime.routes()) {
      String[] parts = route.split(" ", 2);
      String method = parts[0].toLowerCase(Locale.ROOT);
      JsonNode operation = doc.get("paths").path(parts[1]).path(method);
      assertThat(operation.isMissingNode()).as("documented: " + route).isFalse();
      assertThat(operation.get("responses").size()).as(route).isPositive();
      JsonNode body = operation.path("requestBody").path("content");
      body.forEach(media -> assertThat(media.has("example")).as("example of " + route).isTrue());
    }
  }

  @Test
  void swaggerUiIsServedFromTheWebjar() throws Exception {
    HttpResponse<String> page = api.get("/docs", null);
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher script = Pattern.compile("src=\"(/webjars/swagger-ui/[^\"]+/swagger-ui-bundle.js)\"").matcher(page.body());
    assertThat(script.find()).isTrue();
    assertThat(page.body()).doesNotContain("http://").doesNotContain("https://");
    HttpResponse<String> bundle = api.get(script.group(1), null);
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(bundle.body()).contains("SwaggerUIBundle");
  }

  @Test
  void aPathTheHttpServerRefusesStillAnswersTheJsonErrorShape() throws Exception {
    for (String path : new String[] {"/api/v1/twins/%00/health", "/api/v1/twins/%00", "/%00"}) {
      HttpResponse<String> response = api.get(path, null);
      assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
      JsonNode body = TestApi.json(response);
      assertThat(body.get("status").asInt()).isEqualTo(400);
      assertThat(body.get("error").asText()).isEqualTo("bad_request");
      assertThat(body.get("message").asText()).as(path).isEqualTo("The request is malformed: its URI holds a character or an encoding that is not allowed (such as %00)");
      assertThat(response.body()).doesNotContain("<html").doesNotContain("\tat ");
    }
    assertThat(api.get("/health", null).statusCode()).isEqualTo(200);
  }

  @Test
  void unknownRoutesAndMethodsAnswerTheJsonErrorShape() throws Exception {
    assertError(api.get("/nowhere", null), 404, "not_found");
    assertError(api.send("DELETE", "/health", null, null), 405, "method_not_allowed");
  }
}
