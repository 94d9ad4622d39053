package ai.digitaltwin.stack;

import ai.digitaltwin.testkit.ApiClient;
import ai.digitaltwin.testkit.Await;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The running stack's API as one of its users sees it: {@link ApiClient} with that user's bearer token, and
 * a request that must succeed failing the test with the answer's status and body.
 */
public final class StackClient {
  public static final ObjectMapper JSON = ApiClient.JSON;

  private final ApiClient api;
  private final String token;

  private StackClient(ApiClient api, String token) {
    this.api = api;
    this.token = token;
  }

  public static StackClient login(String base, String username, String password) {
    ApiClient api = new ApiClient(base);
    ApiClient.Answer answer = api.loginAnswer(username, password);
    if (answer.status() != 200) {
      throw new AssertionError("login of " + username + " failed: " + answer.status() + " " + answer.body());
    }
    return new StackClient(api, answer.json().get("access_token").asText());
  }

  public JsonNode get(String path) {
    return call("GET", path, null);
  }

  /** A request that must answer 200, 201 or 202; anything else fails the test with the body. */
  public JsonNode call(String method, String path, Object body) {
    ApiClient.Answer answer = api.send(method, path, token, body);
    if (!answer.ok()) {
      throw new AssertionError(path + " answered " + answer.status() + ": " + answer.body());
    }
    return answer.json();
  }

  public HttpResponse<String> send(String method, String path, Object body) {
    return api.send(method, path, token, body).raw();
  }

  /** A read-only query through {@code POST /api/v1/sql}: the answer's {@code columns} and {@code rows}. */
  public JsonNode sql(String query) {
    return call("POST", "/api/v1/sql", Map.of("sql", query, "limit", 1000));
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
