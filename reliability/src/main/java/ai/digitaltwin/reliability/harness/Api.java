package ai.digitaltwin.reliability.harness;

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

/** A well-behaved client of the query API: JSON in and out, bearer tokens, timeouts. */
public final class Api {
  public static final ObjectMapper JSON = new ObjectMapper();
  /** How long one request may take before the client gives up. */
  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** An answer: status and body text. */
  public record Answer(int status, String body, HttpResponse<String> raw) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON (" + status + "): " + body, e);
      }
    }
  }

  private final String base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public Api(String base) {
    this.base = base;
  }

  public String base() {
    return base;
  }

  public Answer get(String path, String token) {
    return send(builder(path, token).GET().build());
  }

  public Answer post(String path, String token, Object body) {
    return send(builder(path, token).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(body))).build());
  }

  public Answer postRaw(String path, String token, String contentType, String body) {
    return send(builder(path, token).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  public Answer send(String method, String path, String token, Object body) {
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json(body));
    return send(builder(path, token).header("Content-Type", "application/json").method(method, publisher).build());
  }

  /** GET that must answer 200; anything else is an error naming the answer. */
  public JsonNode getOk(String path, String token) {
    Answer a = get(path, token);
    if (a.status() != 200) {
      throw new IllegalStateException("GET " + path + " answered " + a.status() + ": " + a.body());
    }
    return a.json();
  }

  /** The bearer token of a login that must succeed. */
  public String login(String username, String password) {
    Answer a = post("/api/v1/auth/login", null, Map.of("username", username, "password", password));
    if (a.status() != 200) {
      throw new IllegalStateException("login of " + username + " answered " + a.status() + ": " + a.body());
    }
    return a.json().get("access_token").asText();
  }

  /** One SQL answer as JSON; a refusal is an error naming the status and message. */
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

  private HttpRequest.Builder builder(String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
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
