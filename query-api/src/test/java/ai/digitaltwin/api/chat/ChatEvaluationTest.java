package ai.digitaltwin.api.chat;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.api.chat.answering.Evidence;
import ai.digitaltwin.api.chat.understanding.Resources;
import ai.digitaltwin.api.chat.understanding.SentimentScorer;
import ai.digitaltwin.api.chat.voice.BigFive;
import ai.digitaltwin.api.chat.voice.TwinPersona;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The shipped evaluation sets run through the whole chat against the fixture database, spoken by two
 * twins of opposite extraversion and neuroticism: the single questions
 * (src/test/resources/chat/eval-questions.tsv) each in a conversation of its own, the multi-turn dialogues
 * (eval-dialogues.tsv) turn by turn. Asserted: intent accuracy on each set, the figures the dialogues
 * check (computed here from the fixture's rows), no figures in off-topic answers, every query filtered
 * by the twin, and the voice metrics of {@link VoiceMetrics}. Reports go to target/chat-benchmark.txt
 * (accuracy, reply() latency) and target/chat-voice.txt.
 */
class ChatEvaluationTest {
  static final double REQUIRED_ACCURACY = 0.95;
  static final BigFive EFFUSIVE_WORRIER = new BigFive(0.7, 0.85, 0.9, 0.85, 0.85);
  static final BigFive TERSE_STOIC = new BigFive(0.3, 0.15, 0.1, 0.15, 0.1);

  record Case(String expected, String question) {}

  record Turn(String dialogue, String expected, String message, String check) {}

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (String[] row : Resources.tsv("chat/eval-questions.tsv", 2)) {
      cases.add(new Case(row[0], row[1]));
    }
    return cases;
  }

  static Map<String, List<Turn>> dialogues() {
    Map<String, List<Turn>> dialogues = new LinkedHashMap<>();
    for (String[] row : Resources.tsv("chat/eval-dialogues.tsv", 3)) {
      dialogues.computeIfAbsent(row[0], k -> new ArrayList<>())
          .add(new Turn(row[0], row[1], row[2], row.length > 3 ? row[3] : null));
    }
    return dialogues;
  }

  @Test
  void recognisesAtLeast95PercentOfBothSetsAndAnswersThemExactlyInTwoVoices() throws IOException {
    ChatService chat = SharedChat.service();
    List<Case> cases = cases();
    Map<String, List<Turn>> dialogues = dialogues();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(200);
    assertThat(dialogues).hasSizeGreaterThanOrEqualTo(60);
    assertThat(dialogues.values()).allMatch(d -> d.size() >= 2);
    for (int warm = 0; warm < 20; warm++) {
      chat.reply(SharedChat.ada(BigFive.neutral()), cases.get(warm).question(), TwinFixture.T0);
    }
    FactChecks facts = new FactChecks(SharedChat.fixture());
    Tally singles = new Tally();
    Tally turns = new Tally();
    Map<String, List<VoiceMetrics.Said>> spoken = new LinkedHashMap<>();
    List<String> wrongFacts = new ArrayList<>();
    for (BigFive traits : List.of(EFFUSIVE_WORRIER, TERSE_STOIC)) {
      TwinPersona twin = SharedChat.ada(traits);
      List<VoiceMetrics.Said> said = new ArrayList<>();
      for (Case c : cases) {
        ChatReply reply = singles.time(() -> chat.reply(twin, c.question(), TwinFixture.T0, new Dialogue()));
        singles.count(c.expected(), reply, c.question());
        checkCommon(c.question(), reply);
        said.add(new VoiceMetrics.Said(c.question(), reply));
      }
      for (List<Turn> dialogue : dialogues.values()) {
        Dialogue conversation = new Dialogue();
        for (Turn turn : dialogue) {
          ChatReply reply = turns.time(() -> chat.reply(twin, turn.message(), TwinFixture.T0, conversation));
          turns.count(turn.expected(), reply, turn.dialogue() + ": " + turn.message());
          checkCommon(turn.message(), reply);
          if (turn.check() != null) {
            String expected = facts.expected(turn.check());
            if (!reply.reply().contains(expected)) {
              wrongFacts.add(turn.dialogue() + " " + turn.message() + ": expected \"" + expected + "\" in: " + reply.reply());
            }
          }
          said.add(new VoiceMetrics.Said(turn.message(), reply));
        }
      }
      spoken.put(traits.extraversion() > 0.5 ? "effusive worrier" : "terse stoic", said);
    }
    String report = "single questions: " + singles.report() + "dialogues (turns): " + turns.report();
    VoiceMetrics voice = VoiceMetrics.of(spoken, SentimentScorer.load());
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "chat-benchmark.txt"), report);
    Files.writeString(Path.of("target", "chat-voice.txt"), voice.report());
    System.out.println(report);
    System.out.println(voice.report());
    assertThat(singles.accuracy()).as(report).isGreaterThanOrEqualTo(REQUIRED_ACCURACY);
    assertThat(turns.accuracy()).as(report).isGreaterThanOrEqualTo(REQUIRED_ACCURACY);
    assertThat(wrongFacts).as("figures the dialogues check").isEmpty();
    assertThat(voice.maxSameOpeningIn20()).as(voice.report()).isLessThanOrEqualTo(2);
    assertThat(voice.maxStockShare()).as(voice.report()).isLessThanOrEqualTo(0.10);
    assertThat(voice.positiveRepliesToNegative()).as(voice.report()).isEmpty();
    assertThat(voice.classifierAccuracy()).as(voice.report()).isGreaterThanOrEqualTo(0.8);
  }

  private static void checkCommon(String message, ChatReply reply) {
    assertThat(reply.reply()).as(message).isNotBlank();
    if (reply.intent().equals("unknown") || reply.intent().equals("clarify")) {
      assertThat(reply.reply()).as("reply without figures to: " + message).doesNotContainPattern("[0-9]");
      assertThat(reply.evidence()).as(message).isEmpty();
    }
    for (Evidence evidence : reply.evidence()) {
      assertThat(evidence.sql()).contains("twin_id = ?");
      assertThat(evidence.params()).contains(TwinFixture.TWIN);
    }
  }

  /** Accuracy per expected intent and reply() latency of one set. */
  static final class Tally {
    private final List<String> misses = new ArrayList<>();
    private final Map<String, int[]> perIntent = new TreeMap<>();
    private final List<Long> nanos = new ArrayList<>();
    private int n;

    ChatReply time(java.util.function.Supplier<ChatReply> call) {
      long start = System.nanoTime();
      ChatReply reply = call.get();
      nanos.add(System.nanoTime() - start);
      return reply;
    }

    void count(String expected, ChatReply reply, String what) {
      n++;
      int[] tally = perIntent.computeIfAbsent(expected, k -> new int[2]);
      tally[1]++;
      if (reply.intent().equals(expected)) {
        tally[0]++;
      } else {
        misses.add(expected + " -> " + reply.intent() + " (" + reply.confidence() + "): " + what);
      }
    }

    double accuracy() {
      return 1.0 - (double) misses.size() / n;
    }

    String report() {
      long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
      StringBuilder out = new StringBuilder();
      out.append(String.format("intent accuracy %.1f %% (%d/%d)%n", accuracy() * 100, n - misses.size(), n));
      perIntent.forEach((intent, t) -> out.append(String.format("  %-12s %d/%d%n", intent, t[0], t[1])));
      out.append(String.format("reply() latency over %d messages: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
          sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.95), sorted[sorted.length - 1] / 1e6));
      misses.forEach(m -> out.append("  miss: ").append(m).append('\n'));
      return out.toString();
    }

    private static double percentile(long[] sorted, double p) {
      int index = (int) Math.ceil(p * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
  }

  static String join(String[] parts) {
    return String.join(" ", Arrays.asList(parts));
  }
}
