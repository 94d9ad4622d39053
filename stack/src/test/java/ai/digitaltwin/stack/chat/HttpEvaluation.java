package ai.digitaltwin.stack.chat;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.stack.StackClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The chat's shipped evaluation set (query-api's {@code chat/eval-questions.tsv}, copied onto this
 * module's test class path by the pom) asked over HTTP of a running stack: what a client sees, with the
 * server's {@code processing_ms} and the latency measured at the client.
 */
final class HttpEvaluation {
  record Case(String expected, String question) {}

  record Result(int asked, List<String> misses, long[] httpNanos, long[] processingMs) {
    double accuracy() {
      return 1.0 - (double) misses.size() / asked;
    }

    String report() {
      long[] http = httpNanos.clone();
      long[] server = processingMs.clone();
      Arrays.sort(http);
      Arrays.sort(server);
      StringBuilder out = new StringBuilder();
      out.append(String.format("HTTP intent accuracy %.1f %% (%d/%d)%n",
          accuracy() * 100, asked - misses.size(), asked));
      out.append(String.format("HTTP latency (client): p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
          percentile(http, 0.5) / 1e6, percentile(http, 0.95) / 1e6, http[http.length - 1] / 1e6));
      out.append(String.format("processing_ms (server, incl. Kafka acks): p50 %d ms, p95 %d ms, max %d ms%n",
          percentile(server, 0.5), percentile(server, 0.95), server[server.length - 1]));
      misses.forEach(m -> out.append("  miss: ").append(m).append('\n'));
      return out.toString();
    }
  }

  private HttpEvaluation() {}

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    try (var in = HttpEvaluation.class.getClassLoader().getResourceAsStream("chat/eval-questions.tsv")) {
      if (in == null) {
        throw new IllegalStateException("chat/eval-questions.tsv is not on the test class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t", 2);
        cases.add(new Case(parts[0].trim(), parts[1].trim()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  /** Asks every case of {@code cases} of {@code twin}, checking each answer's shape on the way. */
  static Result run(StackClient api, String twin, List<Case> cases) throws IOException {
    List<String> misses = new ArrayList<>();
    long[] http = new long[cases.size()];
    long[] server = new long[cases.size()];
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      long start = System.nanoTime();
      HttpResponse<String> response =
          api.send("POST", "/api/v1/twins/" + twin + "/chat", Map.of("message", c.question()));
      http[i] = System.nanoTime() - start;
      assertThat(response.statusCode()).as(c.question() + ": " + response.body()).isEqualTo(200);
      JsonNode answer = StackClient.JSON.readTree(response.body());
      server[i] = answer.get("processing_ms").asLong();
      String intent = answer.get("intent").asText();
      if (!intent.equals(c.expected())) {
        misses.add(c.expected() + " -> " + intent + " (" + answer.get("confidence").asDouble() + "): " + c.question());
      }
      if (intent.equals("unknown")) {
        assertThat(answer.get("reply").asText()).as("off-topic reply to: " + c.question())
            .doesNotContainPattern("[0-9]");
        assertThat(answer.get("evidence")).as(c.question()).isEmpty();
      }
      for (JsonNode evidence : answer.get("evidence")) {
        assertThat(evidence.get("sql").asText()).contains("twin_id = ?");
        assertThat(evidence.get("params").toString()).contains("\"" + twin + "\"");
      }
    }
    return new Result(cases.size(), misses, http, server);
  }

  private static long percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
