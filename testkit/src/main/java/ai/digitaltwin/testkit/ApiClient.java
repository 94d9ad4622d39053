package ai.digitaltwin.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The query API as a well-behaved client sees it: JSON in and out over HTTP/1.1, a bearer token per
 * request, a connect timeout and a timeout per request. One client for every suite: the stack's tests, the
 * cluster test, the bench and the reliability suite. It checks nothing itself; {@link #getOk}, {@link
 * #login} and {@link #sql} fail with the status and body of an answer they did not expect.
 */
public final class ApiClient {
  public static final ObjectMapper JSON = new ObjectMapper();
  /** How long one request may take before the client gives up. */
  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** An answer: its status and body text, and the response for its headers. */
  public record Answer(int status, String body, HttpResponse<String> raw) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON (" + status + "): " + body, e);
      }
    }

    /** 200, 201 or 202. */
    public boolean ok() {
      return status == 200 || status == 201 || status == 202;
    }
  }

  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

  public ApiClient(String base) {
    this.base = base;
  }

  public String base() {
    return base;
  }

  /** The underlying client, for load generators that send many requests of their own. */
  public HttpClient http() {
    return http;
  }

  /** A request to {@code path} with the timeout, and the token when there is one. */
  public HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  public Answer get(String path, String token) {
    return send(request(path, token).GET().build());
  }

  public Answer post(String path, String token, Object body) {
    return send(request(path, token).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(body))).build());
  }

  public Answer postRaw(String path, String token, String contentType, String body) {
    return send(request(path, token).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** Any method; a {@code null} body sends none (and no content type). */
  public Answer send(String method, String path, String token, Object body) {
    HttpRequest.Builder b = request(path, token);
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json(body)));
    }
    return send(b.build());
  }

  /** GET that must answer 200; anything else is an error naming the answer. */
  public JsonNode getOk(String path, String token) {
    Answer a = get(path, token);
    if (a.status() != 200) {
      throw new IllegalStateException("GET " + path + " answered " + a.status() + ": " + a.body());
    }
    return a.json();
  }

  /** The answer of {@code POST /api/v1/auth/login}, whatever it is. */
  public Answer loginAnswer(String username, String password) {
    return post("/api/v1/auth/login", null, Map.of("username", username, "password", password));
  }

  /** The bearer token of a login that must succeed. */
  public String login(String username, String password) {
    Answer a = loginAnswer(username, password);
    if (a.status() != 200) {
      throw new IllegalStateException("login of " + username + " answered " + a.status() + ": " + a.body());
    }
    return a.json().get("access_token").asText();
  }

  /** One SQL answer as JSON ({@code columns} and {@code rows}); a refusal is an error naming the status and message. */
  public JsonNode sql(String token, String sql) {
    Answer a = post("/api/v1/sql", token, Map.of("sql", sql));
    if (a.status() != 200) {
      throw new IllegalStateException("SQL answered " + a.status() + ": " + a.body());
    }
    return a.json();
  }

  /** The single number a one-cell SQL answer holds. */
  public long sqlLong(String token, String sql) {
    return sql(token, sql).get("rows").get(0).get(0).asLong();
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String json(Object body) {
    if (body instanceof String s) {
      return s;
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
