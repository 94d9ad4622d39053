package ai.digitaltwin.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a real HTTP server on loopback that answers as the query API's routes do. */
class ApiClientTest {
  /** What the server saw of each request: method, path, Authorization, Content-Type, body. */
  record Seen(String method, String path, String authorization, String contentType, String body) {}

  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private ApiClient api;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v1/auth/login", exchange -> {
      String body = record(exchange);
      if (body.contains("\"password\":\"right\"")) {
        answer(exchange, 200, "{\"access_token\":\"t-1\"}");
      } else {
        answer(exchange, 401, "{\"error\":\"wrong username or password\"}");
      }
    });
    server.createContext("/api/v1/sql", exchange -> {
      record(exchange);
      answer(exchange, 200, "{\"columns\":[\"n\"],\"rows\":[[42]]}");
    });
    server.createContext("/broken", exchange -> {
      record(exchange);
      answer(exchange, 500, "{\"error\":\"internal\"}");
    });
    server.createContext("/twins/a", exchange -> {
      record(exchange);
      answer(exchange, 204, "");
    });
    server.start();
    api = new ApiClient("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aLoginGivesTheTokenThatLaterRequestsCarry() {
    String token = api.login("admin", "right");
    long n = api.sqlLong(token, "SELECT 42 AS n");

    assertThat(token).isEqualTo("t-1");
    assertThat(n).isEqualTo(42);
    Seen sql = seen.get(1);
    assertThat(sql).isEqualTo(new Seen("POST", "/api/v1/sql", "Bearer t-1", "application/json", "{\"sql\":\"SELECT 42 AS n\"}"));
    assertThat(seen.get(0).authorization()).isNull();
  }

  @Test
  void anUnexpectedAnswerIsAnErrorThatNamesItsStatusAndBody() {
    assertThatThrownBy(() -> api.login("admin", "wrong"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("401")
        .hasMessageContaining("wrong username or password");
    assertThatThrownBy(() -> api.getOk("/broken", "t-1"))
        .hasMessageContaining("GET /broken answered 500")
        .hasMessageContaining("internal");
    assertThat(api.loginAnswer("admin", "wrong").status()).isEqualTo(401);
  }

  @Test
  void aRequestWithoutBodySendsNoContentType() {
    ApiClient.Answer answer = api.send("DELETE", "/twins/a", "t-1", null);

    assertThat(answer.status()).isEqualTo(204);
    assertThat(answer.ok()).isFalse();
    assertThat(seen).containsExactly(new Seen("DELETE", "/twins/a", "Bearer t-1", null, ""));
  }

  @Test
  void aServerThatIsGoneIsAnUncheckedIoErrorNamingTheRequest() {
    server.stop(0);

    assertThatThrownBy(() -> api.get("/health", null))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("GET http://127.0.0.1:");
  }

  private String record(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    seen.add(new Seen(
        exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
        exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type"), body));
    return body;
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }
}
