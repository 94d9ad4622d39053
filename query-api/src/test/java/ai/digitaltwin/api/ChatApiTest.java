package ai.digitaltwin.api;

import static ai.digitaltwin.api.AuthApiTest.assertError;
import static ai.digitaltwin.api.ChatData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.schemas.ChatMessage;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.schemas.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat over HTTP on a real server, real Iceberg tables and the real broker, with the API's clock
 * started at T0: the reply's figures come from the twin's rows, both sides of the exchange are on the
 * chat topic when the answer arrives, and the history shows them at once and once.
 */
class ChatApiTest {
  static final String TWIN = "twin-chat";
  static final String LOG_TWIN = "twin-chat-log";
  static final String MOOD_TWIN = "twin-chat-mood";

  @TempDir static Path dir;
  static TwinCatalog catalog;
  static TestApi api;
  static String chloe;

  @BeforeAll
  static void start() throws Exception {
    catalog = TestApi.catalog(dir);
    ChatData.write(catalog, TWIN, "chloe");
    ChatData.write(catalog, LOG_TWIN, "chloe");
    ChatData.write(catalog, MOOD_TWIN, "chloe");
    api = TestApi.start(dir, catalog, Map.of(), new StartedClock(T0));
    chloe = api.userToken("chloe");
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  static HttpResponse<String> chat(String twin, String token, String message) throws Exception {
    return api.post("/api/v1/twins/" + twin + "/chat", token, Map.of("message", message));
  }

  static JsonNode ok(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestApi.json(response);
  }

  @Test
  void answersWithTheFiguresOfItsOwnRowsInItsCurrentMood() throws Exception {
    JsonNode answer = ok(chat(TWIN, chloe, "What was your heart rate yesterday?"));
    assertThat(answer.get("intent").asText()).isEqualTo("history");
    assertThat(answer.get("confidence").asDouble()).isBetween(0.45, 1.0);
    String reply = answer.get("reply").asText();
    // six readings: mean 440 / 6 = 73.3, min 60, max 90
    assertThat(reply).contains("73.3").contains("60").contains("90").contains("6");
    JsonNode evidence = answer.get("evidence").get(0);
    assertThat(evidence.get("sql").asText()).contains("FROM health_events").contains("twin_id = ?");
    assertThat(evidence.get("params").get(0).asText()).isEqualTo(TWIN);
    assertThat(evidence.get("params").get(1).asText()).isEqualTo("2026-03-01T00:00:00Z");
    assertThat(evidence.get("params").get(2).asText()).isEqualTo("2026-03-02T00:00:00Z");
    assertThat(evidence.get("rows").get(0).get("readings").asInt()).isEqualTo(6);
    assertThat(evidence.get("rows").get(0).get("heart_rate_avg").asDouble()).isEqualTo(73.3);
    // the mood is the newest state's, and it colours the words when it is worth saying: asked about it
    assertThat(answer.get("mood").asText()).isEqualTo("low");
    assertThat(ok(chat(TWIN, chloe, "How are you feeling?")).get("reply").asText())
        .containsAnyOf("not in the best of moods", "a bit down", "a heavy sort of day", "a little low today");
    assertThat(answer.get("sentiment").get("label").asText()).isEqualTo("neutral");
    assertThat(answer.get("processing_ms").asLong()).isBetween(0L, 10_000L);

    JsonNode offTopic = ok(chat(TWIN, chloe, "What's the capital of Germany?"));
    assertThat(offTopic.get("intent").asText()).isEqualTo("unknown");
    assertThat(offTopic.get("reply").asText()).doesNotContainPattern("[0-9]");
    assertThat(offTopic.get("evidence")).isEmpty();
  }

  @Test
  void theMoodFollowsTheNewestStateOnceItIsCommitted() throws Exception {
    assertThat(ok(chat(MOOD_TWIN, chloe, "How are you feeling?")).get("mood").asText()).isEqualTo("low");
    Map<String, Object> brighter = ChatData.lowState(MOOD_TWIN, T0.minusSeconds(600));
    brighter.put("mood", "content");
    brighter.put("mood_score", 0.5);
    TableWriter.append(catalog, Tables.TWIN_STATE, List.of(brighter));
    api.runtime.history().refreshNow();
    assertThat(ok(chat(MOOD_TWIN, chloe, "How are you feeling?")).get("mood").asText()).isEqualTo("content");
  }

  @Test
  void bothSidesAreAcknowledgedByKafkaBeforeTheAnswer() throws Exception {
    String said = "Honestly I feel awful and miserable. What is your pulse right now?";
    JsonNode answer = ok(chat(TWIN, chloe, said));
    // what the chat topic holds at this instant: read up to the end offsets taken right after the answer
    List<ChatMessage> kept = ChatTopic.upToCurrentEnd(m -> m.getTwinId().equals(TWIN));
    ChatMessage user = kept.stream().filter(m -> m.getText().equals(said)).findFirst().orElseThrow();
    ChatMessage twin =
        kept.stream().filter(m -> m.getText().equals(answer.get("reply").asText())).findFirst().orElseThrow();
    assertThat(user.getRole()).isEqualTo("user");
    assertThat(user.getUserId()).isEqualTo("chloe");
    assertThat(user.getIntent()).isEqualTo(answer.get("intent").asText()).isEqualTo("health_now");
    assertThat(user.getSentimentLabel()).isEqualTo(answer.get("sentiment").get("label").asText()).isEqualTo("negative");
    assertThat(user.getSentimentScore()).isEqualTo(answer.get("sentiment").get("score").asDouble()).isLessThan(-0.3);
    assertThat(twin.getRole()).isEqualTo("twin");
    assertThat(twin.getUserId()).isEqualTo("chloe");
    assertThat(twin.getSentimentScore()).isNull();
    assertThat(twin.getTs()).isAfter(user.getTs());
    assertThat(user.getTs()).isBetween(T0, T0.plusSeconds(600));
    // the latest reading of today is 30 minutes before T0
    assertThat(answer.get("reply").asText()).contains("66").contains("07:30");
  }

  @Test
  void theHistoryShowsAnExchangeAtOnceAndOnceAfterTheJobCommitsIt() throws Exception {
    JsonNode first = ok(chat(LOG_TWIN, chloe, "Hello there!"));
    JsonNode second = ok(chat(LOG_TWIN, chloe, "How did you sleep last night?"));
    JsonNode page = ok(api.get("/api/v1/twins/" + LOG_TWIN + "/chat/history", chloe));
    assertThat(page.get("total").asInt()).isEqualTo(4);
    assertThat(texts(page)).containsExactly(
        second.get("reply").asText(), "How did you sleep last night?", first.get("reply").asText(), "Hello there!");
    assertThat(roles(page)).containsExactly("twin", "user", "twin", "user");
    assertThat(page.get("items").get(1).get("sentiment_label").asText()).isEqualTo("neutral");
    assertThat(page.get("items").get(1).get("intent").asText()).isEqualTo("sleep");
    JsonNode one = ok(api.get("/api/v1/twins/" + LOG_TWIN + "/chat/history?limit=1&offset=1", chloe));
    assertThat(texts(one)).containsExactly("How did you sleep last night?");
    assertThat(one.get("total").asInt()).isEqualTo(4);

    // the stream job commits the four messages: the history still shows each once
    List<ChatMessage> produced = TopicReader.await(Topics.CHAT, m -> m.getTwinId().equals(LOG_TWIN), 4);
    assertThat(produced).hasSize(4);
    TableWriter.append(catalog, Tables.CHAT_MESSAGES, produced.stream().map(ChatData::row).toList());
    api.runtime.history().refreshNow();
    JsonNode committed = ok(api.get("/api/v1/twins/" + LOG_TWIN + "/chat/history", chloe));
    assertThat(committed.get("total").asInt()).isEqualTo(4);
    assertThat(texts(committed)).isEqualTo(texts(page));
    assertThat(committed.get("items").get(0).get("ts").asText()).isEqualTo(page.get("items").get(0).get("ts").asText());
    // the next message prunes what Iceberg now has from the overlay
    ok(chat(LOG_TWIN, chloe, "Thanks!"));
    assertThat(overlayRows(LOG_TWIN)).isEqualTo(2);
    assertThat(ok(api.get("/api/v1/twins/" + LOG_TWIN + "/chat/history", chloe)).get("total").asInt()).isEqualTo(6);
  }

  @Test
  void chatMessagesArriveAsServerSentEvents() throws Exception {
    HttpResponse<Stream<String>> stream =
        TestApi.HTTP.send(
            api.request("/api/v1/twins/" + TWIN + "/stream", chloe).header("Accept", "text/event-stream").GET().build(),
            HttpResponse.BodyHandlers.ofLines());
    assertThat(stream.statusCode()).isEqualTo(200);
    Iterator<String> lines = stream.body().iterator();
    assertThat(lines.next()).isEqualTo(": connected");
    JsonNode answer = ok(chat(TWIN, chloe, "Are you in a good mood?"));
    String reply = TestApi.JSON.writeValueAsString(answer.get("reply").asText());
    // read on another thread so that a missing event fails the test instead of blocking it
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try {
      Future<List<String>> chatEvents = reader.submit(() -> {
        List<String> mine = new ArrayList<>();
        String last = null;
        while (mine.size() < 2 && lines.hasNext()) {
          String line = lines.next();
          if ("event: chat".equals(last) && (line.contains("Are you in a good mood?") || line.contains(reply))) {
            mine.add(line);
          }
          last = line;
        }
        return mine;
      });
      List<String> events = chatEvents.get(20, TimeUnit.SECONDS);
      assertThat(events.get(0)).startsWith("data: ").contains("\"role\":\"user\"").contains("Are you in a good mood?");
      assertThat(events.get(1)).contains("\"role\":\"twin\"").contains(reply).contains("\"user_id\":\"chloe\"");
    } finally {
      stream.body().close();
      reader.shutdownNow();
    }
  }

  static List<String> texts(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("items").forEach(i -> out.add(i.get("text").asText()));
    return out;
  }

  static List<String> roles(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("items").forEach(i -> out.add(i.get("role").asText()));
    return out;
  }

  static long overlayRows(String twin) {
    return ((Number) api.runtime.history().query("SELECT count(*) FROM recent_chat WHERE twin_id = ?", List.of(twin))
        .rows().get(0).get(0)).longValue();
  }

  @Test
  void unknownDeletedAndMalformedAreRefusedWithTheJsonError() throws Exception {
    assertError(chat("twin-nobody", chloe, "hi"), 404, "not_found");
    assertError(chat("bad.id", chloe, "hi"), 400, "bad_request");
    assertError(chat(TWIN, null, "hi"), 401, "unauthorized");
    String path = "/api/v1/twins/" + TWIN + "/chat";
    assertField(api.post(path, chloe, Map.of()), 400, "message", "message is required");
    assertField(chat(TWIN, chloe, "  \n "), 400, "message", "message must not be blank");
    assertField(api.post(path, chloe, Map.of("msg", "hi")), 400, "msg", "Unknown field: msg");
    assertError(api.post(path, chloe, "{\"message\": "), 400, "bad_request");
    String tooLong = "é".repeat(1001);
    assertField(chat(TWIN, chloe, tooLong), 413, "message", "message must be at most 1000 characters, got 1001");
    assertThat(chat(TWIN, chloe, "é".repeat(1000)).statusCode()).isEqualTo(200);
    assertField(api.get(path + "/history?limit=0", chloe), 400, "limit", "limit must be in 1..500, got 0");
    assertError(api.get(path + "/history?offset=x", chloe), 400, "bad_request");

    TableWriter.append(catalog, Tables.TWIN_REGISTRY,
        List.of(ChatData.registry("twin-chat-gone", "created", "chloe", T0.minusSeconds(7200)),
            ChatData.registry("twin-chat-gone", "deleted", "chloe", T0.minusSeconds(3600))));
    api.runtime.history().refreshNow();
    assertError(chat("twin-chat-gone", chloe, "hi"), 409, "conflict");
    assertThat(api.get("/api/v1/twins/twin-chat-gone/chat/history", chloe).statusCode()).isEqualTo(200);
  }

  @Test
  void ownersAndAdminsTalkAnalystsOnlyRead() throws Exception {
    String pete = api.userToken("pete");
    String analyst = api.tokenWithRole("anna", "analyst");
    assertError(chat(TWIN, pete, "hi"), 403, "forbidden");
    assertError(api.get("/api/v1/twins/" + TWIN + "/chat/history", pete), 403, "forbidden");
    assertError(chat(TWIN, analyst, "hi"), 403, "forbidden");
    assertThat(api.get("/api/v1/twins/" + TWIN + "/chat/history", analyst).statusCode()).isEqualTo(200);
    JsonNode byAdmin = ok(chat(TWIN, api.adminToken(), "hi"));
    assertThat(byAdmin.get("intent").asText()).isEqualTo("small_talk");
  }

  static void assertField(HttpResponse<String> response, int status, String field, String message) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = TestApi.json(response);
    assertThat(body.get("field").asText()).isEqualTo(field);
    assertThat(body.get("message").asText()).isEqualTo(message);
  }
}
