package ai.digitaltwin.api;

import static ai.digitaltwin.api.AuthApiTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.kafka.EmbeddedKafka;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With its broker gone the API must not answer as if the conversation were kept: 503 with the JSON
 * error, no reply, and nothing in the history. A broker of its own, so the others' stays up.
 */
class ChatKafkaDownApiTest {
  @TempDir Path dir;

  @Test
  void noAcknowledgementMeans503AndNoReply() throws Exception {
    TwinCatalog catalog = TestApi.catalog(dir);
    ChatData.write(catalog, "twin-chat-down", "dora");
    EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"));
    kafka.createTopics(1);
    Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    try (TestApi api = TestApi.start(dir, catalog, env, new StartedClock(ChatData.T0))) {
      String dora = api.userToken("dora");
      String path = "/api/v1/twins/twin-chat-down/chat";
      HttpResponse<String> before = api.post(path, dora, Map.of("message", "hi"));
      assertThat(before.statusCode()).as(before.body()).isEqualTo(200);

      kafka.close();
      HttpResponse<String> refused = api.post(path, dora, Map.of("message", "Are you still there?"));
      assertError(refused, 503, "unavailable");
      JsonNode body = TestApi.json(refused);
      assertThat(body.has("reply")).isFalse();
      assertThat(body.get("message").asText()).startsWith("Kafka did not acknowledge the write to twin.chat");

      JsonNode history = TestApi.json(api.get("/api/v1/twins/twin-chat-down/chat/history", dora));
      assertThat(history.get("total").asInt()).isEqualTo(2);
      assertThat(history.toString()).doesNotContain("Are you still there?");
    }
  }
}
