package ai.digitaltwin.reliability.sql;

import ai.digitaltwin.testkit.ApiClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An analyst running the same ordinary query again and again on its own thread: every answer must equal
 * the first one (the query reads only settled history) and its latency is recorded.
 */
final class NormalUser implements Runnable {
  private final ApiClient api;
  private final String token;
  private final String sql;
  private final String expected;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final List<Long> latenciesMs = Collections.synchronizedList(new ArrayList<>());
  private final List<String> wrong = Collections.synchronizedList(new ArrayList<>());

  NormalUser(ApiClient api, String token, String sql, String expected) {
    this.api = api;
    this.token = token;
    this.sql = sql;
    this.expected = expected;
  }

  /** The answer's rows as text, and how long it took, measured once. */
  static String answer(ApiClient api, String token, String sql) {
    return api.sql(token, sql).get("rows").toString();
  }

  @Override
  public void run() {
    while (!stop.get()) {
      long started = System.nanoTime();
      try {
        String rows = answer(api, token, sql);
        latenciesMs.add((System.nanoTime() - started) / 1_000_000);
        if (!rows.equals(expected)) {
          wrong.add("different rows: " + rows.substring(0, Math.min(80, rows.length())));
        }
      } catch (RuntimeException e) {
        latenciesMs.add((System.nanoTime() - started) / 1_000_000);
        wrong.add(e.getMessage());
      }
    }
  }

  void stop() {
    stop.set(true);
  }

  List<Long> latencies() {
    return List.copyOf(latenciesMs);
  }

  List<String> wrong() {
    return List.copyOf(wrong);
  }
}
