package ai.digitaltwin.api.chat.narrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server on the loopback that answers {@code POST /v1/chat/completions} as an OpenAI-compatible
 * endpoint does, with the text it was last given; or holds the request until closed ({@link #slow()}), or
 * fails with HTTP 500 ({@link #broken()}). It keeps every request body and Authorization header.
 */
public final class CannedCompletions implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SLOW = "(slow)";
  private static final String BROKEN = "(broken)";

  private final AtomicReference<String> next = new AtomicReference<>("");
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private final HttpServer server;

  private CannedCompletions() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(handlers); // a held request must not hold the next one
    server.createContext("/v1/chat/completions", this::complete);
    server.start();
  }

  public static CannedCompletions start() {
    return new CannedCompletions();
  }

  /** The base URL, as {@code CHAT_LLM_URL} takes it. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** The next requests are answered with {@code text}. */
  public void answer(String text) {
    next.set(text);
  }

  /** The next requests get no answer until this server is closed. */
  public void slow() {
    next.set(SLOW);
  }

  /** The next requests get HTTP 500. */
  public void broken() {
    next.set(BROKEN);
  }

  public List<JsonNode> requests() {
    return requests;
  }

  public List<String> authorizations() {
    return authorizations;
  }

  public void forget() {
    requests.clear();
    authorizations.clear();
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    handlers.shutdownNow();
  }

  private void complete(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.add(JSON.readTree(exchange.getRequestBody()));
      authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      String text = next.get();
      if (BROKEN.equals(text)) {
        exchange.sendResponseHeaders(500, -1);
        return;
      }
      if (SLOW.equals(text)) {
        closed.await(60, TimeUnit.SECONDS);
        text = "Too late to be shown.";
      }
      byte[] body = JSON.writeValueAsBytes(Map.of("id", "c1", "object", "chat.completion", "model", "canned",
          "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
              "message", Map.of("role", "assistant", "content", text)))));
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
