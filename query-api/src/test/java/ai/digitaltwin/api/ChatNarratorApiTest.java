package ai.digitaltwin.api;

import static ai.digitaltwin.api.ChatApiTest.ok;
import static ai.digitaltwin.api.ChatData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.digitaltwin.api.chat.narrator.CannedCompletions;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.config.Env;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The narrator configured from the environment as the API runs it, against a real local endpoint with
 * canned completions: a faithful narration is the reply over HTTP, one with another figure is not, and
 * both are counted in {@code /metrics}; {@code /system/info} names the endpoint but not its key.
 */
class ChatNarratorApiTest {
  private static final String TWIN = "twin-narrated";
  private static final String QUESTION = "What was your heart rate yesterday?";

  @TempDir static Path dir;
  static CannedCompletions endpoint;
  static TestApi api;
  static String chloe;

  @BeforeAll
  static void start() throws Exception {
    endpoint = CannedCompletions.start();
    TwinCatalog catalog = TestApi.catalog(dir);
    ChatData.write(catalog, TWIN, "chloe");
    api = TestApi.start(dir, catalog, Map.of("CHAT_LLM_URL", endpoint.url(), "CHAT_LLM_MODEL", "canned-model",
        "CHAT_LLM_API_KEY", "narrator-key-1", "CHAT_LLM_TIMEOUT_MS", "15000"), new StartedClock(T0));
    chloe = api.userToken("chloe");
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
    endpoint.close();
  }

  @Test
  void aFaithfulNarrationIsTheReplyAndAChangedFigureIsNot() throws Exception {
    String metrics = api.get("/metrics", null).body();
    double narratedBefore = SystemApiTest.value(metrics, "chat_narrations_total{outcome=\"narrated\"}");
    double rejectedBefore = SystemApiTest.value(metrics, "chat_narrations_total{outcome=\"rejected\"}");
    // ChatData's six readings of yesterday, the first at 10:00: mean 440 / 6 = 73.3, from 60 to 90
    String faithful = "Yesterday my pulse came to 73.3 bpm on average, between 60 and 90, over 6 readings; but my"
        + " records of that day only start at 10:00 on 1 March.";
    endpoint.answer(faithful);
    JsonNode narrated = ok(chat(QUESTION));
    assertThat(narrated.get("reply").asText()).isEqualTo(faithful);
    assertThat(narrated.get("evidence").get(0).get("rows").get(0).get("heart_rate_avg").asDouble()).isEqualTo(73.3);
    assertThat(endpoint.requests().get(0).path("model").asText()).isEqualTo("canned-model");

    endpoint.answer("Yesterday my pulse came to 78.3 bpm on average, between 60 and 90, over 6 readings; but my"
        + " records of that day only start at 10:00 on 1 March.");
    String own = ok(chat(QUESTION)).get("reply").asText();
    assertThat(own).contains("73.3").contains("60").contains("90").doesNotContain("78.3");

    String after = api.get("/metrics", null).body();
    assertThat(SystemApiTest.value(after, "chat_narrations_total{outcome=\"narrated\"}")).isEqualTo(narratedBefore + 1);
    assertThat(SystemApiTest.value(after, "chat_narrations_total{outcome=\"rejected\"}")).isEqualTo(rejectedBefore + 1);
  }

  private static HttpResponse<String> chat(String message) throws Exception {
    return api.post("/api/v1/twins/" + TWIN + "/chat", chloe, Map.of("message", message));
  }

  @Test
  void systemInfoNamesTheNarratorButNotItsKey() throws Exception {
    JsonNode config = TestApi.json(api.get("/system/info", null)).get("config");
    assertThat(config.get("CHAT_LLM_URL").asText()).isEqualTo(endpoint.url());
    assertThat(config.get("CHAT_LLM_MODEL").asText()).isEqualTo("canned-model");
    assertThat(config.get("CHAT_LLM_API_KEY").asText()).isEqualTo("set");
    assertThat(config.get("CHAT_LLM_TIMEOUT_MS").asLong()).isEqualTo(15_000);
    assertThat(api.get("/system/info", null).body()).doesNotContain("narrator-key-1");
  }

  @Test
  void aNarratorUrlWithoutAModelOrOfAnotherSchemeIsRefusedAtStart() {
    assertThatThrownBy(() -> ApiConfig.fromEnv(Env.of(Map.of("TWIN_DEV_MODE", "true", "CHAT_LLM_URL", endpoint.url()))))
        .hasMessage("CHAT_LLM_MODEL is required with CHAT_LLM_URL");
    assertThatThrownBy(() -> ApiConfig.fromEnv(Env.of(Map.of("TWIN_DEV_MODE", "true", "CHAT_LLM_URL", "ftp://host/v1",
        "CHAT_LLM_MODEL", "m")))).hasMessage("CHAT_LLM_URL=ftp://host/v1: not an http or https URL");
    assertThatThrownBy(() -> ApiConfig.fromEnv(Env.of(Map.of("TWIN_DEV_MODE", "true", "CHAT_LLM_TIMEOUT_MS", "0"))))
        .hasMessage("CHAT_LLM_TIMEOUT_MS=0: not an integer in 1..600000");
    assertThat(ApiConfig.fromEnv(Env.of(Map.of("TWIN_DEV_MODE", "true"))).narrator().enabled()).isFalse();
  }
}
