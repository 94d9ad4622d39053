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
 * Chat latency at the HTTP level: questions of several kinds asked in turn of one twin, p50 and p95 after a
 * warm-up. On a build without the chat endpoint the row says so; no figure is made up.
 */
final class ChatBench {
  static final String NAME = "chat latency p95 (POST /twins/{id}/chat)";
  private static final List<String> QUESTIONS = List.of("How did I sleep last night?", "What was my average heart rate "
      + "yesterday?", "How stressed have I been this week?", "Did anything unusual happen today?", "How are you feeling?",
      "What did I do most this week?");
  private static final int WARM_UP = 3;

  private ChatBench() {}

  static List<Figure> run(HttpApi api, String twin, int samples, PrintStream log) throws Exception {
    String path = "/api/v1/twins/" + twin + "/chat";
    HttpResponse<String> first = api.post(path, Map.of("message", QUESTIONS.get(0)));
    if (first.statusCode() == 404 || first.statusCode() == 405) {
      log.printf("  chat: POST %s answers HTTP %d: no chat endpoint on this build%n", path, first.statusCode());
      return List.of(Figure.unavailable(NAME, "no chat endpoint on this build (POST " + path + " answers HTTP "
          + first.statusCode() + ")", Goal.valueAtMost(150)));
    }
    List<Double> ms = new ArrayList<>();
    int errors = 0;
    for (int i = 0; i < WARM_UP + samples; i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> r = api.post(path, Map.of("message", QUESTIONS.get(i % QUESTIONS.size())));
      double elapsed = (System.nanoTime() - t0) / 1e6;
      if (r.statusCode() / 100 != 2) {
        errors++;
      } else if (i >= WARM_UP) {
        ms.add(elapsed);
      }
    }
    if (ms.isEmpty()) {
      return List.of(Figure.unavailable(NAME, "every chat request failed", Goal.valueAtMost(150)));
    }
    Samples all = Samples.of(ms);
    log.printf("  chat: p50 %.0f ms, p95 %.0f ms over %d questions, %d errors%n", all.median(), all.percentile(0.95),
        ms.size(), errors);
    return List.of(Figure.of(NAME, Measure.of("p95 of " + ms.size() + " questions", "ms", all.percentile(0.95)), null,
        String.format("p50 %.0f ms, max %.0f ms, %d errors; %d kinds of question asked in turn of twin %s after %d "
            + "warm-up questions", all.median(), all.max(), errors, QUESTIONS.size(), twin, WARM_UP),
        Goal.valueAtMost(150)));
  }
}
