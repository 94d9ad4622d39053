package ai.digitaltwin.api.chat.narrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One OpenAI-compatible {@code POST /chat/completions} call: a system and a user message in, the first
 * choice's text out. The whole call, connecting and reading the body included, is bounded by the timeout.
 */
final class ChatCompletions {
  private final HttpClient client;
  private final URI uri;
  private final String model;
  private final String apiKey;
  private final Duration timeout;
  private final ObjectMapper mapper = new ObjectMapper();

  /** The request body: the model, no streaming, and the messages in order. */
  record Request(String model, boolean stream, List<Message> messages) {}

  /** One message of the request: who says it ({@code system} or {@code user}) and what. */
  record Message(String role, String content) {}

  ChatCompletions(NarratorConfig config) {
    this.uri = config.completions();
    this.model = config.model();
    this.apiKey = config.apiKey();
    this.timeout = config.timeout();
    // HTTP/1.1: an h2c upgrade offer confuses some of the small servers that serve local models
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
  }

  /**
   * The completion's text.
   *
   * @throws TimeoutException when no whole answer came within the timeout
   * @throws IOException on a refused connection, an HTTP status other than 200 or an answer without text
   */
  String complete(String system, String user) throws IOException, TimeoutException, InterruptedException {
    Request body =
        new Request(model, false, List.of(new Message("system", system), new Message("user", user)));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)));
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    CompletableFuture<HttpResponse<String>> call = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> response;
    try {
      response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | InterruptedException e) {
      call.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof java.net.http.HttpTimeoutException timedOut) {
        throw new TimeoutException(timedOut.getMessage());
      }
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
    if (response.statusCode() != 200) {
      throw new IOException(uri + " answered HTTP " + response.statusCode());
    }
    JsonNode text = mapper.readTree(response.body()).path("choices").path(0).path("message").path("content");
    if (!text.isTextual() || text.asText().isBlank()) {
      throw new IOException(uri + " answered without a text in choices[0].message.content");
    }
    return text.asText();
  }
}
