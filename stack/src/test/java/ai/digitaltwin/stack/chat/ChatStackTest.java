package ai.digitaltwin.stack.chat;

import static ai.digitaltwin.stack.StackClient.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.stack.StackClient;
import ai.digitaltwin.stack.TestStackEnv;
import ai.digitaltwin.stack.TwinStack;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat through the whole embedded stack, started once: two twins whose traits were set with PATCH
 * say the same figures in their own words; the evaluation set is recognised over HTTP as well as in
 * process; and a run of negative messages, through Kafka and the stream job, lowers the twin's mood in
 * its state history. The generator runs at 600× real time with no backfill, so a new twin's simulated
 * readings all lie after the moment it was created.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatStackTest {
  static final String ADMIN_PASSWORD = "chat-stack-admin-pw";
  static final String QUESTION = "What was your heart rate on March 3rd?";
  static final double[] BPM = {62, 66, 71, 77, 84, 95};
  static final Map<String, Object> EFFUSIVE_WORRIER = traits(0.7, 0.85, 0.9, 0.85, 0.85);
  static final Map<String, Object> TERSE_STOIC = traits(0.3, 0.15, 0.1, 0.15, 0.1);
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.:]\\d+)?");

  @TempDir static Path dir;
  static TwinStack stack;
  static StackClient api;
  static String effusive;
  static String terse;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env = TestStackEnv.of(dir, ADMIN_PASSWORD);
    env.put("GENERATOR_TWINS", "1");
    env.put("GENERATOR_SEED", "11");
    env.put("GENERATOR_BACKFILL_DAYS", "0");
    stack = TwinStack.start(env, new PrintStream(Files.newOutputStream(dir.resolve("stack.log"))));
    api = StackClient.login(TestStackEnv.base(env), "admin", ADMIN_PASSWORD);
    effusive = create("Eve");
    terse = create("Ted");
    api.call("PATCH", "/api/v1/twins/" + effusive, Map.of("personality", EFFUSIVE_WORRIER, "reason", "chat test"));
    api.call("PATCH", "/api/v1/twins/" + terse, Map.of("personality", TERSE_STOIC, "reason", "chat test"));
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void twoPersonalitiesSayTheSameFiguresInTheirOwnWords() throws Exception {
    // the day "March 3rd" means, as the chat resolves it: from the query it runs before there is data
    JsonNode probe = chat(effusive, QUESTION);
    assertThat(probe.get("intent").asText()).isEqualTo("history");
    JsonNode window = probe.get("evidence").get(0);
    assertThat(window.get("rows").get(0).get("readings").asInt()).isZero();
    Instant dayStart = Instant.parse(window.get("params").get(1).asText());
    List<Map<String, Object>> readings = new ArrayList<>();
    for (int i = 0; i < BPM.length; i++) {
      readings.add(Map.of("ts", dayStart.plusSeconds(10 * 3600 + 600L * i).toString(), "heart_rate", BPM[i]));
    }
    for (String twin : List.of(effusive, terse)) {
      JsonNode accepted = api.call("POST", "/api/v1/twins/" + twin + "/events", Map.of("readings", readings));
      assertThat(accepted.get("accepted").asInt()).isEqualTo(BPM.length);
    }
    String sent = "SELECT count(*) FROM health_events WHERE source = 'wearable' AND twin_id IN ('" + effusive + "', '"
        + terse + "')";
    await(Duration.ofSeconds(90), () -> count(sent) == 2L * BPM.length, "the readings in Iceberg");
    // the chat reads through the API's own database, whose views follow the snapshots on their own poll
    await(Duration.ofSeconds(30), () -> ((Number) stack.history().query(sent, List.of()).rows().get(0).get(0)).longValue()
        == 2L * BPM.length, "the readings in the API's views");
    await(Duration.ofSeconds(90), () -> speaksWith(effusive, EFFUSIVE_WORRIER) && speaksWith(terse, TERSE_STOIC),
        "the patched traits in the twins' state");

    JsonNode eve = chat(effusive, QUESTION);
    JsonNode ted = chat(terse, QUESTION);
    assertThat(eve.get("intent").asText()).isEqualTo("history");
    assertThat(ted.get("intent").asText()).isEqualTo("history");
    String eveSays = eve.get("reply").asText();
    String tedSays = ted.get("reply").asText();
    assertThat(eveSays).isNotEqualTo(tedSays);
    assertThat(numbers(eveSays)).isEqualTo(numbers(tedSays));
    // computed here from the readings sent: 455 / 6 = 75.8, from 62 to 95
    assertThat(numbers(eveSays)).contains("75.8", "62", "95", "6");
    assertThat(eve.get("evidence").get(0).get("rows")).isEqualTo(ted.get("evidence").get(0).get("rows"));
    System.out.println("effusive worrier: " + eveSays + "\nterse stoic:      " + tedSays);
  }

  @Test
  @Order(2)
  void theEvaluationSetIsRecognisedOverHttp() throws Exception {
    List<HttpEvaluation.Case> cases = HttpEvaluation.cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(200);
    HttpEvaluation.run(api, "demo-001", cases.subList(0, 10)); // warm-up, not counted
    HttpEvaluation.Result result = HttpEvaluation.run(api, "demo-001", cases);
    String report = result.report();
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "chat-http-benchmark.txt"), report);
    System.out.println(report);
    assertThat(result.accuracy()).as(report).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  @Order(3)
  void negativeMessagesLowerTheMoodInTheStateHistory() throws Exception {
    long saidBefore = api.get("/api/v1/twins/" + terse + "/chat/history").get("total").asLong() / 2;
    // no more simulated readings: from here on only the conversation changes the twin
    stack.generator().close();
    long health = stack.generator().produced(Topics.HEALTH);
    long behavior = stack.generator().produced(Topics.BEHAVIOR);
    String healthKept = "SELECT count(DISTINCT event_id) FROM health_events WHERE source = 'generator'";
    String behaviorKept = "SELECT count(DISTINCT event_id) FROM behavior_events";
    await(Duration.ofSeconds(90), () -> count(healthKept) == health && count(behaviorKept) == behavior,
        "every simulated event in the tables");
    // the state folds readings once the watermark passes them, or once it stands still: wait for the last
    String readings = "SELECT count(*) FROM health_events WHERE twin_id = '" + terse + "'";
    String folded = "SELECT coalesce(max(readings), 0) FROM twin_state WHERE twin_id = '" + terse + "'";
    await(Duration.ofSeconds(90), () -> count(folded) == count(readings), "every reading of the twin folded into its state");

    assertThat(chat(terse, "Thank you so much, you are wonderful and I really love talking with you!")
        .get("sentiment").get("score").asDouble()).isGreaterThan(0.3);
    await(Duration.ofSeconds(60), () -> chatStates("positive").size() == 1, "the state after the kind words");
    List<String> unkind = List.of("You are useless and I hate this.", "This is awful, I am so angry with you.",
        "Terrible answer. I'm disappointed and upset.", "I feel miserable and hopeless today.",
        "What a horrible, stupid conversation.", "I'm furious, everything is wrong.");
    for (String message : unkind) {
      assertThat(chat(terse, message).get("sentiment").get("score").asDouble()).as(message).isLessThan(-0.3);
    }
    await(Duration.ofSeconds(60), () -> chatStates("negative").size() == unkind.size(), "a state per unkind message");

    JsonNode before = chatStates("positive").get(0);
    JsonNode after = chatStates("negative").stream()
        .min((a, b) -> Double.compare(a.get(5).asDouble(), b.get(5).asDouble())).orElseThrow();
    // mood_score, stress, energy, sleep_hours, neuroticism, chat_sentiment: only the conversation moved
    assertThat(after.get(1)).isEqualTo(before.get(1));
    assertThat(after.get(2)).isEqualTo(before.get(2));
    assertThat(after.get(3)).isEqualTo(before.get(3));
    assertThat(after.get(5).asDouble()).isNegative();
    assertThat(before.get(5).asDouble()).isPositive();
    assertThat(after.get(0).asDouble()).isLessThan(before.get(0).asDouble() - 0.05);
    // the job weighs recent chat sentiment at 0.15 in the mood score
    assertThat(before.get(0).asDouble() - after.get(0).asDouble())
        .isCloseTo(0.15 * (before.get(5).asDouble() - after.get(5).asDouble()), within(0.002));
    assertThat(after.get(4).asDouble()).isGreaterThan(before.get(4).asDouble());
    System.out.printf("mood_score %.3f -> %.3f, chat_sentiment %.3f -> %.3f, neuroticism %.4f -> %.4f%n",
        before.get(0).asDouble(), after.get(0).asDouble(), before.get(5).asDouble(), after.get(5).asDouble(),
        before.get(4).asDouble(), after.get(4).asDouble());
    // and the conversation itself is durable in Iceberg
    await(Duration.ofSeconds(60), () -> count("SELECT count(*) FROM chat_messages WHERE role = 'user' AND twin_id = '"
        + terse + "'") == saidBefore + 1 + unkind.size(), "the messages in chat_messages");
  }

  /**
   * State rows that a chat message of this sign caused, as
   * [mood_score, stress, energy, sleep_hours, neuroticism, chat_sentiment].
   */
  private static List<JsonNode> chatStates(String sign) {
    List<JsonNode> rows = new ArrayList<>();
    api.sql("SELECT mood_score, stress, energy, sleep_hours, neuroticism, chat_sentiment FROM twin_state"
        + " WHERE twin_id = '" + terse + "' AND drift_cause LIKE '" + sign + " chat sentiment%'").get("rows").forEach(rows::add);
    return rows;
  }

  private static JsonNode chat(String twin, String message) {
    return api.call("POST", "/api/v1/twins/" + twin + "/chat", Map.of("message", message));
  }

  private static long count(String sql) {
    return api.sql(sql).get("rows").get(0).get(0).asLong();
  }

  /** Whether the twin as the API shows it has these traits, give or take a day's drift. */
  private static boolean speaksWith(String twin, Map<String, Object> traits) {
    JsonNode personality = api.get("/api/v1/twins/" + twin).get("personality");
    return traits.entrySet().stream()
        .allMatch(t -> Math.abs(personality.get(t.getKey()).asDouble() - (double) t.getValue()) < 0.02);
  }

  private static String create(String name) {
    Map<String, Object> profile = Map.of("name", name, "age", 40, "sex", "female", "occupation", "teacher",
        "interests", List.of("reading"), "timezone", "UTC");
    return api.call("POST", "/api/v1/twins", Map.of("profile", profile, "personality", traits(0.5, 0.5, 0.5, 0.5, 0.5)))
        .get("twin_id").asText();
  }

  private static Map<String, Object> traits(double o, double c, double e, double a, double n) {
    return Map.of("openness", o, "conscientiousness", c, "extraversion", e, "agreeableness", a, "neuroticism", n);
  }

  private static List<String> numbers(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}
