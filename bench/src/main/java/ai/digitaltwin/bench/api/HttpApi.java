package ai.digitaltwin.bench.api;

import ai.digitaltwin.testkit.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The API over HTTP as a client sees it: log in once, then GET and POST with the bearer token, through the
 * suites' one {@link ApiClient} (HTTP/1.1, its timeouts); the checked exceptions are the HTTP client's, as
 * a timed loop wants them.
 */
public final class HttpApi {
  private final ApiClient api;
  private final String token;

  private HttpApi(ApiClient api, String token) {
    this.api = api;
    this.token = token;
  }

  /** A client without a token. */
  public static HttpApi anonymous(String base) {
    return new HttpApi(new ApiClient(base), null);
  }

  /** Logs in as {@code user}; an API without auth (404 on the login route) is used without a token. */
  public static HttpApi login(String base, String user, String password) {
    ApiClient api = new ApiClient(base);
    ApiClient.Answer r = api.loginAnswer(user, password);
    if (r.status() == 404) {
      return new HttpApi(api, null);
    }
    if (r.status() != 200) {
      throw new IllegalStateException("login as " + user + " failed: HTTP " + r.status() + " " + r.body());
    }
    return new HttpApi(api, r.json().get("access_token").asText());
  }

  public HttpClient http() {
    return api.http();
  }

  public HttpRequest.Builder request(String path) {
    return api.request(path, token);
  }

  /**
   * GET, sent a second time when the first attempt's connection was closed without an answer: a pooled
   * keep-alive connection idle since the 64-connection load can have been closed by the server's idle
   * timeout just as it is reused (a GET is safe to repeat, as browsers do).
   */
  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    try {
      return http().send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException closed) {
      return http().send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
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

  public HttpResponse<String> post(String path, Object body) {
    return api.post(path, token, body).raw();
  }

  /** GET that must answer 200; the body as JSON. */
  public JsonNode json(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = get(path);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + ": HTTP " + r.statusCode() + " " + r.body());
    }
    return ApiClient.JSON.readTree(r.body());
  }

  public static JsonNode parse(String body) throws IOException {
    return ApiClient.JSON.readTree(body);
  }
}
