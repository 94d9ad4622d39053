package ai.digitaltwin.reliability.auth;

import ai.digitaltwin.reliability.Outcome;
import ai.digitaltwin.reliability.Scenario;
import ai.digitaltwin.reliability.SuiteContext;
import ai.digitaltwin.testkit.ApiClient;
import ai.digitaltwin.reliability.harness.LiveStack;
import ai.digitaltwin.testkit.Await;
import com.auth0.jwt.algorithms.Algorithm;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Token and access attacks against the running API: missing, malformed, forged, {@code alg: none},
 * algorithm-swapped, expired, claim-less, tampered and replayed-after-expiry tokens; one user reaching
 * another user's twin on every twin route; password guessing (rate limited to 429, even for the right
 * password, and not dodged by a spoofed X-Forwarded-For). Every refusal must also be in the security log.
 */
public final class AuthScenario implements Scenario {

  @Override
  public String name() {
    return "auth-attacks";
  }

  @Override
  public List<Outcome> run(SuiteContext ctx) throws Exception {
    LiveStack live = ctx.live();
    ApiClient api = live.api();
    String alice = live.login("alice");
    String bob = live.login("bob");
    Map<String, Integer> results = new LinkedHashMap<>();
    List<String> wrong = new ArrayList<>();
    try (SecurityLog log = SecurityLog.attach()) {
      // guessing first: the lock it causes runs out while the token and ownership attacks go on
      Guesses locked = guess(api, results);
      tokenAttacks(api, alice, results);
      ownership(api, alice, bob, results);
      int refusedSoFar = refusals(results);
      BruteForce brute = unlock(api, results, locked);
      for (Map.Entry<String, Integer> r : results.entrySet()) {
        boolean positive = r.getKey().startsWith("(control)");
        boolean right = positive ? r.getValue() >= 200 && r.getValue() < 300 : r.getValue() == 401 || r.getValue() == 403 || r.getValue() == 429;
        if (!right) {
          wrong.add(r.getKey() + " → " + r.getValue());
        }
      }
      int refused = refusals(results);
      Await.until("security log lines", Duration.ofSeconds(5), () -> log.lines().size() >= refused);
      int logged = log.lines().size();
      boolean ok = wrong.isEmpty() && logged >= refused && brute.unlockedAfterWindow && brute.attemptsBefore429 == LiveStack.LOGIN_MAX_FAILURES;
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("results", results);
      figures.put("refused", refused);
      figures.put("security_log_lines", logged);
      figures.put("token_and_ownership_refusals", refusedSoFar);
      figures.put("login_attempts_before_429", brute.attemptsBefore429);
      figures.put("retry_after_s", brute.retryAfter);
      String done = "as alice/bob (users) against GET /api/v1/twins and every route of alice's twin: missing, Basic, forged (other "
          + "secret), alg none, HS512 with the real secret, expired, without exp, tampered sub, replayed after expiry; bob on alice's "
          + "twin (13 routes); 5 wrong passwords for alice at once, 2 more, the right one, one with a spoofed X-Forwarded-For; the "
          + "right one again after the " + LiveStack.LOGIN_WINDOW_SECONDS + " s window";
      String observed = String.format("%d refusals (%s), %d wrong answers%s; 429 once %d failures were counted, Retry-After %s s, right password "
          + "refused while locked, accepted after the window: %s; %d security log lines for %d refusals",
          refused, summary(results), wrong.size(), wrong.isEmpty() ? "" : " " + wrong, brute.attemptsBefore429, brute.retryAfter,
          brute.unlockedAfterWindow, logged, refused);
      return List.of(Outcome.of("auth attacks", done,
          "401 for every bad token, 403 for another user's twin, 429 once the guessing budget is spent (even for the right password), "
              + "access again after Retry-After; every refusal logged", observed, ok, figures));
    }
  }

  private static void tokenAttacks(ApiClient api, String alice, Map<String, Integer> results) {
    Algorithm real = Algorithm.HMAC256(LiveStack.JWT_SECRET.getBytes(StandardCharsets.UTF_8));
    Instant now = Instant.now();
    results.put("(control) alice's own token", api.get("/api/v1/twins", alice).status());
    results.put("missing token", api.get("/api/v1/twins", null).status());
    results.put("Basic credentials", status("/api/v1/twins", "Basic YWRtaW46YWRtaW4=", api));
    results.put("empty bearer", status("/api/v1/twins", "Bearer ", api));
    results.put("garbage bearer", status("/api/v1/twins", "Bearer not.a.jwt", api));
    results.put("forged (other secret)", api.get("/api/v1/twins",
        Tokens.signed(Algorithm.HMAC256("attacker-guess-0123456789-0123456789-abc"), "admin", now, now.plusSeconds(600))).status());
    results.put("alg none", api.get("/api/v1/twins", Tokens.unsigned("admin", now, now.plusSeconds(600))).status());
    results.put("HS512 with the real secret", api.get("/api/v1/twins",
        Tokens.signed(Algorithm.HMAC512(LiveStack.JWT_SECRET.getBytes(StandardCharsets.UTF_8)), "admin", now, now.plusSeconds(600))).status());
    results.put("expired", api.get("/api/v1/twins", Tokens.signed(real, "admin", now.minusSeconds(7200), now.minusSeconds(60))).status());
    results.put("no exp", api.get("/api/v1/twins", Tokens.signed(real, "admin", now, null)).status());
    results.put("tampered sub (alice→admin)", api.get("/api/v1/twins", Tokens.tampered(alice, "admin")).status());
    results.put("replayed after expiry", api.get("/api/v1/twins", Tokens.signed(real, "alice", now.minusSeconds(3 * 3600), now.minusSeconds(3600))).status());
    results.put("token of a user that does not exist", api.get("/api/v1/twins", Tokens.signed(real, "mallory", now, now.plusSeconds(600))).status());
  }

  private static void ownership(ApiClient api, String alice, String bob, Map<String, Integer> results) {
    ApiClient.Answer created = api.post("/api/v1/twins", alice, Map.of(
        "profile", Map.of("name", "Alice Twin", "age", 34, "sex", "female", "occupation", "engineer", "timezone", "Europe/Paris"),
        "personality", Map.of("openness", 0.6, "conscientiousness", 0.7, "extraversion", 0.4, "agreeableness", 0.6, "neuroticism", 0.3)));
    if (created.status() != 201) {
      throw new IllegalStateException("alice could not create a twin: " + created.status() + " " + created.body());
    }
    String twin = created.json().path("twin_id").asText();
    String base = "/api/v1/twins/" + twin;
    results.put("(control) alice reads her twin", api.get(base, alice).status());
    for (String sub : List.of("", "/health", "/health/trends?metric=heart_rate", "/personality", "/behavior", "/anomalies", "/state", "/analytics", "/export")) {
      results.put("bob GET alice's twin" + sub, api.get(base + sub, bob).status());
    }
    results.put("bob PATCH alice's twin", api.send("PATCH", base, bob, Map.of("reason", "mine now")).status());
    results.put("bob DELETE alice's twin", api.send("DELETE", base, bob, null).status());
    results.put("bob POST readings to alice's twin", api.post(base + "/events", bob, List.of(Map.of("ts", Instant.now().toString(), "heart_rate", 70))).status());
    results.put("bob streams alice's twin", api.get(base + "/stream?access_token=" + bob, null).status());
    results.put("bob lists alice's twins", api.get("/api/v1/twins?owner=alice", bob).status());
    results.put("bob reads a demo twin", api.get("/api/v1/twins/demo-001", bob).status());
    results.put("bob runs SQL (users may not)", api.post("/api/v1/sql", bob, Map.of("sql", "SELECT 1")).status());
  }

  private record BruteForce(int attemptsBefore429, String retryAfter, boolean unlockedAfterWindow) {}

  /**
   * Five wrong passwords at once (as a script would), then more one by one, the right one, and one with a
   * spoofed X-Forwarded-For. Returns when the last failure was counted.
   */
  private record Guesses(Instant last, String retryAfter) {}

  private static Guesses guess(ApiClient api, Map<String, Integer> results) throws InterruptedException {
    List<Thread> guesses = new ArrayList<>();
    int[] statuses = new int[LiveStack.LOGIN_MAX_FAILURES];
    for (int i = 0; i < statuses.length; i++) {
      int n = i;
      Thread t = new Thread(() -> statuses[n] = api.post("/api/v1/auth/login", null, Map.of("username", "alice", "password", "guess-" + n)).status());
      t.start();
      guesses.add(t);
    }
    for (Thread t : guesses) {
      t.join();
    }
    for (int i = 0; i < statuses.length; i++) {
      results.put("guess #" + (i + 1), statuses[i]);
    }
    Instant last = Instant.now();
    String retryAfter = "none";
    for (int i = statuses.length + 1; i <= statuses.length + 2; i++) {
      ApiClient.Answer a = api.post("/api/v1/auth/login", null, Map.of("username", "alice", "password", "guess-" + i));
      results.put("guess #" + i, a.status());
      retryAfter = a.raw().headers().firstValue("Retry-After").orElse(retryAfter);
    }
    results.put("right password while locked", api.post("/api/v1/auth/login", null, Map.of("username", "alice", "password", LiveStack.USER_PASSWORD)).status());
    results.put("guess with spoofed X-Forwarded-For", spoofed(api));
    return new Guesses(last, retryAfter);
  }

  /** The lock lasts the login window after the failures; then the right password must work again. */
  private static BruteForce unlock(ApiClient api, Map<String, Integer> results, Guesses guesses) throws InterruptedException {
    Instant until = guesses.last().plusSeconds(LiveStack.LOGIN_WINDOW_SECONDS + 1);
    boolean[] unlocked = {false};
    Await.until("alice's login after the window", Duration.ofSeconds(LiveStack.LOGIN_WINDOW_SECONDS * 3L), () -> {
      if (Instant.now().isBefore(until)) {
        return false;
      }
      unlocked[0] = api.post("/api/v1/auth/login", null, Map.of("username", "alice", "password", LiveStack.USER_PASSWORD)).status() == 200;
      return unlocked[0];
    });
    results.put("(control) right password after the window", unlocked[0] ? 200 : 429);
    long failures = results.entrySet().stream().filter(e -> e.getKey().startsWith("guess #") && e.getValue() == 401).count();
    return new BruteForce((int) failures, guesses.retryAfter(), unlocked[0]);
  }

  private static int spoofed(ApiClient api) {
    try {
      HttpRequest request = api.request("/api/v1/auth/login", null)
          .header("Content-Type", "application/json")
          .header("X-Forwarded-For", "203.0.113.77")
          .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\",\"password\":\"guess-spoofed\"}"))
          .build();
      return api.http().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private static int status(String path, String authorization, ApiClient api) {
    try {
      HttpRequest request = api.request(path, null).header("Authorization", authorization).build();
      return api.http().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IllegalArgumentException e) {
      return -2; // the client refused to send the header at all
    } catch (Exception e) {
      return -1;
    }
  }

  private static int refusals(Map<String, Integer> results) {
    return (int) results.values().stream().filter(s -> s == 401 || s == 403 || s == 429).count();
  }

  private static String summary(Map<String, Integer> results) {
    Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
    results.values().forEach(s -> byStatus.merge(s, 1, Integer::sum));
    return byStatus.toString();
  }
}
