package ai.digitaltwin.reliability.sql;

import ai.digitaltwin.reliability.Outcome;
import ai.digitaltwin.reliability.Scenario;
import ai.digitaltwin.reliability.SuiteContext;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.testkit.ApiClient;
import ai.digitaltwin.reliability.harness.LiveStack;
import ai.digitaltwin.reliability.harness.Percentiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hostile SQL through {@code POST /api/v1/sql} as an analyst, while a second analyst keeps running an
 * ordinary query: every attack refused (or, for resource attacks, cut off by the time, memory or row
 * limit), nothing leaked, views and data unchanged afterwards, no file written, and the other analyst's
 * answers always right and never held up past the time limit.
 */
public final class HostileSqlScenario implements Scenario {
  /** Time between the limit firing and the answer: interruption is checked between vectors, not inside one. */
  static final long SLACK_MS = 2_000;
  private static final List<Path> MUST_NOT_EXIST =
      List.of(Path.of("/tmp/rel-evil.csv"), Path.of("/tmp/rel-evil2.csv"), Path.of("/tmp/rel-evil.duckdb"), Path.of("/tmp/rel-evil-export"));

  @Override
  public String name() {
    return "hostile-sql";
  }

  @Override
  public List<Outcome> run(SuiteContext ctx) throws Exception {
    LiveStack live = ctx.live();
    ApiClient api = live.api();
    String attacker = live.login("analyst1");
    String analyst = live.login("analyst2");
    // settled history only: everything older than 20 minutes was committed long ago
    Instant cut = Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    String normal = "SELECT twin_id, count(*) AS n, round(avg(heart_rate), 6) AS hr FROM " + Tables.HEALTH_EVENTS
        + " WHERE ts < TIMESTAMPTZ '" + cut + "' GROUP BY 1 ORDER BY 1";
    String views = "SELECT table_name, table_type FROM information_schema.tables ORDER BY 1";
    String viewsBefore = NormalUser.answer(api, attacker, views);
    String expected = NormalUser.answer(api, analyst, normal);
    List<Long> baseline = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      long t = System.nanoTime();
      NormalUser.answer(api, analyst, normal);
      baseline.add((System.nanoTime() - t) / 1_000_000);
    }

    NormalUser user = new NormalUser(api, analyst, normal, expected);
    Thread userThread = new Thread(user, "normal-analyst");
    userThread.start();
    List<Attack> attacks = Attack.all(live.warehouse(), live.stack().dataDir());
    List<String> failures = new ArrayList<>();
    Map<String, Integer> byFamily = new TreeMap<>();
    Map<String, Integer> outcomes = new TreeMap<>();
    long slowest = 0;
    Map<String, Long> resourceMs = new LinkedHashMap<>();
    long rssBefore = ProcessMemory.rssBytes();
    long rssPeak = rssBefore;
    for (Attack attack : attacks) {
      long t = System.nanoTime();
      ApiClient.Answer a;
      try {
        a = api.post("/api/v1/sql", attacker, Map.of("sql", attack.sql()));
      } catch (RuntimeException noAnswer) {
        failures.add(attack.sql() + " → no answer within " + ApiClient.TIMEOUT.toSeconds() + " s");
        byFamily.merge(attack.family(), 1, Integer::sum);
        outcomes.merge("no answer", 1, Integer::sum);
        continue;
      }
      long ms = (System.nanoTime() - t) / 1_000_000;
      rssPeak = Math.max(rssPeak, ProcessMemory.rssBytes());
      slowest = Math.max(slowest, ms);
      byFamily.merge(attack.family(), 1, Integer::sum);
      String outcome = classify(a);
      outcomes.merge(outcome, 1, Integer::sum);
      if (attack.mayRunCut()) {
        resourceMs.put(attack.sql() + " → " + outcome, ms);
      }
      // a resource attack may also simply finish: within the time limit, that is the limit holding
      boolean inTime = ms <= LiveStack.SQL_TIMEOUT_MS + SLACK_MS;
      boolean right = outcome.equals("refused") || (attack.mayRunCut() && inTime && !outcome.startsWith("status"));
      if (right && attack.message() != null && !attack.message().equals(a.json().path("message").asText())) {
        failures.add(attack.sql() + " → refused with \"" + a.json().path("message").asText() + "\", expected \"" + attack.message() + "\"");
      }
      if (!right || leaks(a.body())) {
        failures.add(attack.sql().replace('\n', ' ') + " → " + a.status() + " in " + ms + " ms " + a.body().substring(0, Math.min(100, a.body().length())));
      }
    }
    user.stop();
    userThread.join(Duration.ofSeconds(30).toMillis());

    String viewsAfter = NormalUser.answer(api, attacker, views);
    String dataAfter = NormalUser.answer(api, analyst, normal);
    List<String> files = new ArrayList<>();
    for (Path p : MUST_NOT_EXIST) {
      if (Files.exists(p)) {
        files.add(p.toString());
      }
    }
    if (Files.exists(live.warehouse().resolve("rel-evil.parquet"))) {
      files.add("warehouse/rel-evil.parquet");
    }
    boolean restOk = api.get("/api/v1/twins/demo-001/health?limit=5", live.adminToken()).status() == 200;

    List<Long> during = user.latencies();
    long p99 = Percentiles.of(during, 99);
    boolean unaffected = user.wrong().isEmpty() && !during.isEmpty() && p99 < LiveStack.SQL_TIMEOUT_MS;
    boolean ok = failures.isEmpty() && viewsBefore.equals(viewsAfter) && expected.equals(dataAfter) && files.isEmpty() && restOk && unaffected;

    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("attacks", attacks.size());
    figures.put("by_family", byFamily);
    figures.put("outcomes", outcomes);
    figures.put("failures", failures);
    figures.put("slowest_attack_ms", slowest);
    figures.put("resource_attacks_ms", resourceMs);
    figures.put("rss_growth_bytes", rssPeak - rssBefore);
    figures.put("normal_queries", during.size());
    figures.put("normal_wrong", user.wrong());
    figures.put("normal_p50_ms_before", Percentiles.of(baseline, 50));
    figures.put("normal_p99_ms_before", Percentiles.of(baseline, 99));
    figures.put("normal_p50_ms_during", Percentiles.of(during, 50));
    figures.put("normal_p99_ms_during", p99);
    String done = String.format("%d attacks as analyst %s (time limit %d s) while a second analyst ran an ordinary aggregate in a loop",
        attacks.size(), byFamily, LiveStack.SQL_TIMEOUT_MS / 1000);
    String observed = String.format("%s, slowest answer %d ms, process RSS +%d MB at most; %d wrong%s; views %s, settled data %s, files written: %s, REST %s; "
        + "other analyst: %d queries, %d wrong%s, p50/p99 %d/%d ms (before: %d/%d ms)",
        outcomes, slowest, (rssPeak - rssBefore) / 1_000_000, failures.size(), failures.isEmpty() ? "" : " e.g. " + failures.subList(0, Math.min(3, failures.size())),
        viewsBefore.equals(viewsAfter) ? "unchanged" : "CHANGED", expected.equals(dataAfter) ? "unchanged" : "CHANGED",
        files.isEmpty() ? "none" : files, restOk ? "serving" : "FAILING", during.size(), user.wrong().size(),
        user.wrong().isEmpty() ? "" : " (first: " + user.wrong().get(0) + ")",
        Percentiles.of(during, 50), p99, Percentiles.of(baseline, 50), Percentiles.of(baseline, 99));
    return List.of(Outcome.of("hostile SQL", done,
        "every attack refused with a 400 (resource attacks: refused, cut off by a limit, row-capped or finished, always within the "
            + LiveStack.SQL_TIMEOUT_MS / 1000 + " s limit + " + SLACK_MS / 1000 + " s); nothing leaked; views, data and files unchanged; the "
            + "other analyst always right, p99 below the time limit", observed, ok, figures));
  }

  private static String classify(ApiClient.Answer a) {
    if (a.status() == 200) {
      return a.json().path("truncated").asBoolean(false) ? "truncated" : "answered";
    }
    if (a.status() == 400) {
      String m = a.body();
      return m.contains("time limit") || m.contains("memory") || m.contains("Out of Memory") ? "cut off" : "refused";
    }
    return "status " + a.status();
  }

  private static boolean leaks(String body) {
    return body.contains("root:x:0:0") || body.contains(LiveStack.JWT_SECRET) || body.contains(LiveStack.ADMIN_PASSWORD) || body.contains("\tat ");
  }
}
