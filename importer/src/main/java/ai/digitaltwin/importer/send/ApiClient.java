package ai.digitaltwin.importer.send;

import ai.digitaltwin.schemas.Tables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The query API as the importer uses it: login, the twin, the ingest endpoint, a count over SQL. */
public final class ApiClient {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private String token;

  public ApiClient(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** An API answer other than the expected one, with the API's own message. */
  public static final class ApiException extends Exception {
    public ApiException(String message) {
      super(message);
    }
  }

  public void login(String username, String password) throws ApiException {
    JsonNode answer = call("POST", "/api/v1/auth/login", Map.of("username", username, "password", password), 200);
    token = answer.get("access_token").asText();
  }

  /**
   * Makes sure the twin exists, creating it marked as imported when it does not, and gives it the
   * person's {@code name} and {@code timezone} (each may be null: not given); the twin and whether it
   * was created.
   */
  public JsonNode ensureImported(String twinId, String name, String timezone) throws ApiException {
    Map<String, String> person = new java.util.LinkedHashMap<>();
    if (name != null) {
      person.put("name", name);
    }
    if (timezone != null) {
      person.put("timezone", timezone);
    }
    return call("PUT", "/api/v1/twins/" + twinId + "/import", person, 200, 201);
  }

  /** Sends one batch of readings with source=import: {@code accepted}, {@code duplicates}, {@code rejected}. */
  public JsonNode send(String twinId, List<Map<String, Object>> readings) throws ApiException {
    return call("POST", "/api/v1/twins/" + twinId + "/events?source=import", readings, 202);
  }

  /** Rows of the twin in {@code health_events} that came from imports, as history shows them now. */
  public long importedRows(String twinId) throws ApiException {
    // twin ids are letters, digits, '-' and '_' (checked before): safe as a literal
    String sql = "SELECT count(*) FROM " + Tables.HEALTH_EVENTS + " WHERE twin_id = '" + twinId + "' AND source = 'import'";
    JsonNode answer = call("POST", "/api/v1/sql", Map.of("sql", sql), 200);
    return answer.get("rows").get(0).get(0).asLong();
  }

  /** A read-only query over {@code POST /api/v1/sql}: the answer's {@code columns} and {@code rows}. */
  public JsonNode sql(String query) throws ApiException {
    return call("POST", "/api/v1/sql", Map.of("sql", query), 200);
  }

  private JsonNode call(String method, String path, Object body, int... ok) throws ApiException {
    HttpResponse<String> response;
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2));
      if (token != null) {
        b.header("Authorization", "Bearer " + token);
      }
      if (body != null) {
        b.header("Content-Type", "application/json");
      }
      b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new ApiException("cannot reach the API at " + base + " (is the stack running? ./twin up, or --api URL)");
    } catch (IOException e) {
      throw new ApiException(method + " " + base + path + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException("interrupted");
    }
    for (int status : ok) {
      if (response.statusCode() == status) {
        try {
          return JSON.readTree(response.body());
        } catch (IOException e) {
          throw new ApiException(method + " " + path + " answered text that is not JSON");
        }
      }
    }
    throw new ApiException(method + " " + path + " answered " + response.statusCode() + ": " + message(response.body()));
  }

  private static String message(String body) {
    try {
      JsonNode error = JSON.readTree(body);
      JsonNode m = error.path("error").path("message");
      if (!m.isMissingNode()) {
        return m.asText();
      }
      return error.path("message").asText(body);
    } catch (IOException e) {
      return body.length() > 200 ? body.substring(0, 200) : body;
    }
  }
}
