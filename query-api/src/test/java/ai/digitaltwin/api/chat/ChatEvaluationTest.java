package ai.digitaltwin.api.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The shipped evaluation set (src/test/resources/chat/eval-questions.tsv) run through the whole chat
 * against the fixture database: intent accuracy, no figures in off-topic answers, every query filtered by
 * the twin, and the latency of reply() per message (written to target/chat-benchmark.txt).
 */
class ChatEvaluationTest {
  static final double REQUIRED_ACCURACY = 0.95;

  record Case(String expected, String question) {}

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (String[] row : Resources.tsv("chat/eval-questions.tsv", 2)) {
      cases.add(new Case(row[0], row[1]));
    }
    return cases;
  }

  @Test
  void recognisesAtLeast95PercentOfTheEvaluationSet() throws IOException {
    ChatService chat = SharedChat.service();
    TwinPersona ada = SharedChat.ada(BigFive.neutral());
    List<Case> cases = cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(200);
    for (int warm = 0; warm < 20; warm++) {
      chat.reply(ada, cases.get(warm).question(), TwinFixture.T0);
    }
    List<String> misses = new ArrayList<>();
    Map<String, int[]> perIntent = new TreeMap<>();
    Map<String, List<Long>> latencyPerIntent = new TreeMap<>();
    long[] nanos = new long[cases.size()];
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      long start = System.nanoTime();
      ChatReply reply = chat.reply(ada, c.question(), TwinFixture.T0);
      nanos[i] = System.nanoTime() - start;
      latencyPerIntent.computeIfAbsent(reply.intent(), k -> new ArrayList<>()).add(nanos[i]);
      int[] tally = perIntent.computeIfAbsent(c.expected(), k -> new int[2]);
      tally[1]++;
      if (reply.intent().equals(c.expected())) {
        tally[0]++;
      } else {
        misses.add(c.expected() + " -> " + reply.intent() + " (" + reply.confidence() + "): " + c.question());
      }
      assertThat(reply.reply()).as(c.question()).isNotBlank();
      if (reply.intent().equals("unknown")) {
        assertThat(reply.reply()).as("off-topic reply to: " + c.question()).doesNotContainPattern("[0-9]");
        assertThat(reply.evidence()).as(c.question()).isEmpty();
      }
      for (ChatReply.Evidence evidence : reply.evidence()) {
        assertThat(evidence.sql()).contains("twin_id = ?");
        assertThat(evidence.params()).contains(TwinFixture.TWIN);
      }
    }
    double accuracy = 1.0 - (double) misses.size() / cases.size();
    String report = report(cases.size(), accuracy, misses, perIntent, nanos, latencyPerIntent);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "chat-benchmark.txt"), report);
    System.out.println(report);
    assertThat(accuracy).as(report).isGreaterThanOrEqualTo(REQUIRED_ACCURACY);
  }

  private static String report(int n, double accuracy, List<String> misses, Map<String, int[]> perIntent, long[] nanos,
      Map<String, List<Long>> latencyPerIntent) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    StringBuilder out = new StringBuilder();
    out.append(String.format("intent accuracy %.1f %% (%d/%d)%n", accuracy * 100, n - misses.size(), n));
    perIntent.forEach((intent, t) -> out.append(String.format("  %-12s %d/%d%n", intent, t[0], t[1])));
    out.append(String.format("reply() latency over %d messages: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
        n, percentile(sorted, 0.50), percentile(sorted, 0.95), sorted[sorted.length - 1] / 1e6));
    latencyPerIntent.forEach((intent, list) -> {
      long[] l = list.stream().mapToLong(Long::longValue).sorted().toArray();
      out.append(String.format("  %-12s p50 %.1f ms, p95 %.1f ms (%d)%n", intent, percentile(l, 0.5), percentile(l, 0.95), l.length));
    });
    misses.forEach(m -> out.append("  miss: ").append(m).append('\n'));
    return out.toString();
  }

  private static double percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
