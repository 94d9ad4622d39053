package ai.digitaltwin.stack;

import ai.digitaltwin.testkit.Await;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The running stack's API as its users see it: JSON over HTTP with a user's bearer token. */
public final class StackClient {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String base;
  private final String token;

  private StackClient(String base, String token) {
    this.base = base;
    this.token = token;
  }

  public static StackClient login(String base, String username, String password) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                    Map.of("username", username, "password", password))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError("login of " + username + " failed: " + response.statusCode() + " " + response.body());
    }
    return new StackClient(base, JSON.readTree(response.body()).get("access_token").asText());
  }

  public JsonNode get(String path) {
    return ok(send("GET", path, null), path);
  }

  /** A request that must answer 200 or 201; anything else fails the test with the body. */
  public JsonNode call(String method, String path, Object body) {
    return ok(send(method, path, body), path);
  }

  public HttpResponse<String> send(String method, String path, Object body) {
    try {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
      if (body != null) {
        builder.header("Content-Type", "application/json");
      }
      builder.method(method, body == null
          ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(path + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A read-only query through {@code POST /api/v1/sql}: the answer's {@code columns} and {@code rows}. */
  public JsonNode sql(String query) {
    return call("POST", "/api/v1/sql", Map.of("sql", query, "limit", 1000));
  }

  private static JsonNode ok(HttpResponse<String> response, String path) {
    if (response.statusCode() != 200 && response.statusCode() != 201 && response.statusCode() != 202) {
      throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@link Await#until}, where an assertion failing inside the condition also means "not yet". */
  public static void await(Duration timeout, BooleanSupplier condition, String what) {
    Await.until(what, timeout, Duration.ofMillis(250), () -> {
      try {
        return condition.getAsBoolean();
      } catch (AssertionError notYet) {
        throw new IllegalStateException(notYet.getMessage(), notYet);
      }
    });
  }

}
