package ai.digitaltwin.api.chat;

import static ai.digitaltwin.api.chat.TwinFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.api.chat.narrator.CannedCompletions;
import ai.digitaltwin.api.chat.narrator.Narrator;
import ai.digitaltwin.api.chat.narrator.NarratorConfig;
import ai.digitaltwin.api.chat.voice.BigFive;
import ai.digitaltwin.api.chat.voice.Format;
import ai.digitaltwin.api.chat.voice.TwinPersona;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The narrator against a real HTTP server on the loopback that answers as an OpenAI-compatible
 * chat-completions endpoint with canned texts: one with the reply's figures in other words (shown), one
 * with a figure changed (refused: the twin's own reply is shown), one that does not answer in time and
 * one that fails (the twin's own reply, at once). The figures of the canned texts are computed here from
 * the fixture's rows.
 */
class ChatNarratorTest {
  private static final String QUESTION = "whats ur pulse right now";
  /** Long enough for a canned answer on a machine shared by many builds; the slow test waits it out once. */
  private static final Duration TIMEOUT = Duration.ofSeconds(8);

  private static final List<Narrator.Outcome> outcomes = new CopyOnWriteArrayList<>();
  private static CannedCompletions endpoint;
  private static ChatService narrated;

  private final TwinPersona ada = SharedChat.ada(BigFive.neutral());

  @BeforeAll
  static void start() {
    endpoint = CannedCompletions.start();
    NarratorConfig config = new NarratorConfig(NarratorConfig.address(endpoint.url()), "test-model", "test-key", TIMEOUT);
    narrated = ChatService.create(SharedChat.fixture().runner(), Narrator.of(config, outcomes::add));
  }

  @AfterAll
  static void stop() {
    endpoint.close();
  }

  @BeforeEach
  void clear() {
    endpoint.forget();
    outcomes.clear();
  }

  @Test
  void aNarrationWithTheReplysFiguresIsShown() {
    Figures f = figures(0);
    String text = "Right now my pulse is " + f.heartRate + " bpm, measured at " + f.at + ". And there's that"
        + " tachycardia (high, score " + f.score + ") that started at " + f.since + " and hasn't stopped.";
    endpoint.answer(text);
    ChatReply reply = narrated.reply(ada, QUESTION, T0);
    assertThat(reply.reply()).isEqualTo(text);
    assertThat(reply.intent()).isEqualTo("health_now");
    assertThat(reply.evidence()).hasSize(2);
    assertThat(outcomes).containsExactly(Narrator.Outcome.NARRATED);

    assertThat(endpoint.requests()).hasSize(1);
    JsonNode request = endpoint.requests().get(0);
    assertThat(request.path("model").asText()).isEqualTo("test-model");
    assertThat(endpoint.authorizations()).containsExactly("Bearer test-key");
    String system = request.path("messages").path(0).path("content").asText();
    String user = request.path("messages").path(1).path("content").asText();
    assertThat(system).contains("You are Ada, 34 years old, nurse").contains("content");
    assertThat(user).contains(QUESTION).contains(plainReply()).contains("heart_rate=" + f.heartRate);
    assertThat(user).doesNotContain(TwinFixture.DECOY);
  }

  @Test
  void aNarrationWithAChangedFigureIsRefused() {
    Figures f = figures(1);
    endpoint.answer("Right now my pulse is " + f.heartRate + " bpm, measured at " + f.at + ". And there's that"
        + " tachycardia (high, score " + f.score + ") that started at " + f.since + " and hasn't stopped.");
    ChatReply reply = narrated.reply(ada, QUESTION, T0);
    assertThat(reply.reply()).isEqualTo(plainReply()).contains("my heart rate is " + figures(0).heartRate + " bpm");
    assertThat(outcomes).containsExactly(Narrator.Outcome.REJECTED);
  }

  @Test
  void anEndpointTooSlowGivesTheTwinsOwnReplyAfterTheTimeout() {
    endpoint.slow();
    long start = System.nanoTime();
    ChatReply reply = narrated.reply(ada, QUESTION, T0);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(reply.reply()).isEqualTo(plainReply());
    assertThat(outcomes).containsExactly(Narrator.Outcome.TIMEOUT);
    assertThat(endpoint.requests()).hasSize(1);
    assertThat(took).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.plusSeconds(10));
  }

  @Test
  void aFailingEndpointGivesTheTwinsOwnReply() {
    endpoint.broken();
    ChatReply reply = narrated.reply(ada, QUESTION, T0);
    assertThat(reply.reply()).isEqualTo(plainReply());
    assertThat(outcomes).containsExactly(Narrator.Outcome.ERROR);
  }

  @Test
  void withoutANarratorNothingIsCalled() {
    ChatReply reply = SharedChat.service().reply(ada, QUESTION, T0);
    assertThat(reply.reply()).contains("my heart rate is " + figures(0).heartRate + " bpm");
    assertThat(endpoint.requests()).isEmpty();
    assertThat(outcomes).isEmpty();
  }

  /** The twin's own reply to the question, as the chat without a narrator says it. */
  private String plainReply() {
    return SharedChat.service().reply(ada, QUESTION, T0).reply();
  }

  /** The latest heart rate (plus {@code off}), when it was read, and the open episode, from the fixture's rows. */
  private static Figures figures(double off) {
    TwinFixture data = SharedChat.fixture();
    TwinFixture.Reading latest = data.readings.stream().filter(r -> r.heartRate() != null && !r.ts().isAfter(T0))
        .max(Comparator.comparing(TwinFixture.Reading::ts)).orElseThrow();
    TwinFixture.Anomaly open = data.anomalies.stream().filter(a -> a.end() == null).findFirst().orElseThrow();
    return new Figures(Format.number(latest.heartRate() + off), clock(latest.ts()), Format.number(open.score()),
        clock(open.start()));
  }

  private static String clock(java.time.Instant at) {
    return at.atZone(java.time.ZoneOffset.UTC).toLocalTime().toString();
  }

  private record Figures(String heartRate, String at, String score, String since) {}
}
