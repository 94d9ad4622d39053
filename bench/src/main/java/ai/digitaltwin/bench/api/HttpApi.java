package ai.digitaltwin.bench.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** The API over HTTP as a client sees it: log in once, then GET and POST with the bearer token. */
public final class HttpApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String base;
  private final String token;

  private HttpApi(HttpClient http, String base, String token) {
    this.http = http;
    this.base = base;
    this.token = token;
  }

  public static HttpClient client() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** A client without a token. */
  public static HttpApi anonymous(String base) {
    return new HttpApi(client(), base, null);
  }

  /** Logs in as {@code user}; an API without auth (404 on the login route) is used without a token. */
  public static HttpApi login(String base, String user, String password) throws IOException, InterruptedException {
    HttpClient http = client();
    String body = JSON.writeValueAsString(Map.of("username", user, "password", password));
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() == 404) {
      return new HttpApi(http, base, null);
    }
    if (r.statusCode() != 200) {
      throw new IllegalStateException("login as " + user + " failed: HTTP " + r.statusCode() + " " + r.body());
    }
    return new HttpApi(http, base, JSON.readTree(r.body()).get("access_token").asText());
  }

  public HttpClient http() {
    return http;
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  /**
   * GET, sent a second time when the first attempt's connection was closed without an answer: a pooled
   * keep-alive connection idle since the 64-connection load can have been closed by the server's idle
   * timeout just as it is reused (a GET is safe to repeat, as browsers do).
   */
  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    try {
      return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException closed) {
      return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  /**
   * GETs the paths {@code next} gives, unmeasured, until {@code time} has passed: a server's JIT compiles
   * the code of the requests it serves. Every answer must be 200. Returns the requests made.
   */
  public int warmUp(Supplier<String> next, Duration time) throws IOException, InterruptedException {
    long end = System.nanoTime() + time.toNanos();
    int requests = 0;
    while (System.nanoTime() < end) {
      String path = next.get();
      HttpResponse<String> r = get(path);
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET " + path + ": HTTP " + r.statusCode() + " " + r.body());
      }
      requests++;
    }
    return requests;
  }

  public HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
    return http.send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** GET that must answer 200; the body as JSON. */
  public JsonNode json(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = get(path);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + ": HTTP " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }

  public static JsonNode parse(String body) throws IOException {
    return JSON.readTree(body);
  }
}
