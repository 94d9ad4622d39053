package ai.digitaltwin.bench.stack;

import ai.digitaltwin.bench.api.HttpApi;
import ai.digitaltwin.bench.report.Figure;
import ai.digitaltwin.bench.report.Goal;
import ai.digitaltwin.bench.report.Measure;
import ai.digitaltwin.bench.report.Samples;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chat latency at the HTTP level: questions of several kinds, follow-ups among them, asked in turn, of one
 * twin or of the given twins in turn, p50 and p95 after a warm-up. On a build without the chat endpoint the row says so; no
 * figure is made up.
 */
public final class ChatBench {
  static final String NAME = "chat latency p95 (POST /twins/{id}/chat)";
  /**
   * Asked in turn: with one twin, or 25 (25 = 1 mod 8), each twin's conversation goes through them in this
   * order. "Right now" reads the newest readings and the episodes still open (two queries); "and yesterday?"
   * is a follow-up of the turn before it (asked back, with no query, where a conversation begins with it).
   */
  private static final List<String> QUESTIONS = List.of("How did I sleep last night?", "What was my average heart rate "
      + "yesterday?", "How stressed have I been this week?", "Did anything unusual happen today?", "How are you feeling?",
      "What did I do most this week?", "What's your heart rate right now?", "And yesterday?");
  private static final int WARM_UP = 3;

  private ChatBench() {}

  static List<Figure> run(HttpApi api, String twin, int samples, PrintStream log) throws Exception {
    return run(NAME, api, List.of(twin), samples, log);
  }

  /** Asks {@code twins} in turn; the row is called {@code name}. */
  public static List<Figure> run(String name, HttpApi api, List<String> twins, int samples, PrintStream log)
      throws Exception {
    String path = "/api/v1/twins/" + twins.get(0) + "/chat";
    HttpResponse<String> first = api.post(path, Map.of("message", QUESTIONS.get(0)));
    if (first.statusCode() == 404 || first.statusCode() == 405) {
      log.printf("  chat: POST %s answers HTTP %d: no chat endpoint on this build%n", path, first.statusCode());
      return List.of(Figure.unavailable(name, "no chat endpoint on this build (POST " + path + " answers HTTP "
          + first.statusCode() + ")", Goal.valueAtMost(150)));
    }
    List<Double> ms = new ArrayList<>();
    int errors = 0;
    for (int i = 0; i < WARM_UP + samples; i++) {
      long t0 = System.nanoTime();
      String asked = "/api/v1/twins/" + twins.get(i % twins.size()) + "/chat";
      HttpResponse<String> r = api.post(asked, Map.of("message", QUESTIONS.get(i % QUESTIONS.size())));
      double elapsed = (System.nanoTime() - t0) / 1e6;
      if (r.statusCode() / 100 != 2) {
        errors++;
      } else if (i >= WARM_UP) {
        ms.add(elapsed);
      }
    }
    if (ms.isEmpty()) {
      return List.of(Figure.unavailable(name, "every chat request failed", Goal.valueAtMost(150)));
    }
    Samples all = Samples.of(ms);
    log.printf("  chat: p50 %.0f ms, p95 %.0f ms over %d questions, %d errors%n", all.median(), all.percentile(0.95),
        ms.size(), errors);
    String asked = twins.size() == 1 ? "of twin " + twins.get(0) : "across " + twins.size() + " twins";
    return List.of(Figure.of(name, Measure.of("p95 of " + ms.size() + " questions", "ms", all.percentile(0.95)), null,
        String.format("p50 %.0f ms, max %.0f ms, %d errors; %d kinds of question asked in turn %s after %d "
            + "warm-up questions", all.median(), all.max(), errors, QUESTIONS.size(), asked, WARM_UP),
        Goal.valueAtMost(150)));
  }
}
