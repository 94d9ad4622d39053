package ai.digitaltwin.api;

import static ai.digitaltwin.api.ChatData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.schemas.ChatMessage;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.schemas.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A conversation survives a restart of the API: what the user said is history (the chat topic, then
 * chat_messages), and the next API rebuilds the conversation from it, so a follow-up and the user's
 * name still resolve against the turns held before.
 */
class ChatRestartApiTest {
  static final String TWIN = "twin-chat-restart";

  @TempDir Path dir;

  @Test
  void aFollowUpAfterARestartResolvesAgainstTheTurnsBeforeIt() throws Exception {
    TwinCatalog catalog = TestApi.catalog(dir);
    ChatData.write(catalog, TWIN, "rita");
    try (TestApi first = TestApi.start(dir, catalog, Map.of(), new StartedClock(T0))) {
      String rita = first.userToken("rita");
      assertThat(ok(first, rita, "Hi, my name is Sam").get("intent").asText()).isEqualTo("small_talk");
      assertThat(ok(first, rita, "What was your heart rate yesterday?").get("intent").asText()).isEqualTo("history");
      // the stream job commits the exchange to Iceberg, as it does from the chat topic
      List<ChatMessage> produced = TopicReader.await(Topics.CHAT, m -> m.getTwinId().equals(TWIN), 4);
      TableWriter.append(catalog, Tables.CHAT_MESSAGES, produced.stream().map(ChatData::row).toList());
    }
    try (TestApi second = TestApi.start(dir, TestApi.catalog(dir), Map.of(), new StartedClock(T0))) {
      String rita = second.userToken("rita");
      JsonNode before = ok(second, rita, "and the day before?");
      assertThat(before.get("intent").asText()).isEqualTo("history");
      JsonNode evidence = before.get("evidence").get(0);
      assertThat(evidence.get("sql").asText()).contains("heart_rate").doesNotContain("systolic_bp");
      assertThat(evidence.get("params").get(1).asText()).isEqualTo("2026-02-28T00:00:00Z");
      assertThat(evidence.get("params").get(2).asText()).isEqualTo("2026-03-01T00:00:00Z");
      assertThat(ok(second, rita, "what's my name?").get("reply").asText()).contains("Sam");
    }
  }

  private static JsonNode ok(TestApi api, String token, String message) throws Exception {
    var response = api.post("/api/v1/twins/" + TWIN + "/chat", token, Map.of("message", message));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestApi.json(response);
  }
}
