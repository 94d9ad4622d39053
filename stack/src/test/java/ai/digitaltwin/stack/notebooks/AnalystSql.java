package ai.digitaltwin.stack.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** The SQL endpoint as the notebooks see it: a login, then {@code POST /api/v1/sql} with the token. */
final class AnalystSql {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String base;
  private final String token;

  private AnalystSql(String base, String token) {
    this.base = base;
    this.token = token;
  }

  static AnalystSql login(String base, String user, String password) {
    JsonNode answer = post(base + "/api/v1/auth/login", Map.of("username", user, "password", password), null);
    return new AnalystSql(base, answer.get("access_token").asText());
  }

  long count(String table) {
    return number("SELECT count(*) AS n FROM " + table);
  }

  /** The single number a query answers. */
  long number(String sql) {
    JsonNode answer = post(base + "/api/v1/sql", Map.of("sql", sql), token);
    return answer.get("rows").get(0).get(0).asLong();
  }

  private static JsonNode post(String url, Map<String, String> body, String token) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(url + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
