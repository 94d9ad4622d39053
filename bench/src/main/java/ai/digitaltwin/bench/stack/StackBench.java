package ai.digitaltwin.bench.stack;

import ai.digitaltwin.bench.BenchConfig;
import ai.digitaltwin.bench.api.HttpApi;
import ai.digitaltwin.bench.api.LoadLoop;
import ai.digitaltwin.bench.report.Figure;
import ai.digitaltwin.bench.report.Goal;
import ai.digitaltwin.bench.report.Measure;
import ai.digitaltwin.bench.report.Samples;
import ai.digitaltwin.kafka.FreePorts;
import ai.digitaltwin.testkit.Await;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Figures of the embedded stack as {@code ./twin up} runs it, in a child process: cold and warm start-up,
 * then, on the warm stack with a month of history for a few twins, the query, throughput, freshness and
 * chat figures. The admin password is the bench's own, given through ADMIN_PASSWORD.
 */
public final class StackBench {
  private static final String PASSWORD = "bench-" + Long.toHexString(System.nanoTime());
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
  private static final int CONNECTIONS = 64;

  private StackBench() {}

  /** How many maintenance passes the stack's log records as done. */
  private static long maintenanceRuns(Path twinLog) {
    if (!java.nio.file.Files.exists(twinLog)) {
      return 0;
    }
    try (var lines = java.nio.file.Files.lines(twinLog, java.nio.charset.StandardCharsets.UTF_8)) {
      return lines.filter(l -> l.contains("table maintenance done")).count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static List<Figure> run(BenchConfig config, Path dir, PrintStream log) throws Exception {
    Map<String, String> env = Map.of("ADMIN_PASSWORD", PASSWORD, "GENERATOR_TWINS", String.valueOf(config.queryTwins()),
        "GENERATOR_BACKFILL_DAYS", "30");
    List<String> twins = IntStream.rangeClosed(1, config.queryTwins()).mapToObj(i -> String.format("demo-%03d", i)).toList();
    List<Figure> out = new ArrayList<>();
    double cold;
    try (StackProcess stack = StackProcess.stack(dir, env, config.childJvmOptions())) {
      cold = stack.awaitReady(START_TIMEOUT);
      log.printf("  cold start: up in %.1f s; waiting for 30 days x %d twins to be queryable%n", cold, twins.size());
      long t0 = System.nanoTime();
      awaitCaughtUp(HttpApi.login(stack.baseUrl(), "admin", PASSWORD), twins.get(0));
      log.printf("  history queryable after %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }
    List<Double> warm = new ArrayList<>();
    for (int i = 1; i < (config.quick() ? 1 : 3); i++) {
      try (StackProcess stack = StackProcess.stack(dir, env, config.childJvmOptions())) {
        warm.add(stack.awaitReady(START_TIMEOUT));
      }
    }
    Path twinLog = dir.resolve("logs").resolve("twin.log");
    long maintenanceRuns = maintenanceRuns(twinLog);
    try (StackProcess stack = StackProcess.stack(dir, env, config.childJvmOptions())) {
      warm.add(stack.awaitReady(START_TIMEOUT));
      log.printf("  warm start: up in %.1f s%n", warm.get(warm.size() - 1));
      out.add(Figure.of("embedded stack start-up, warm (restart) vs cold (first start)",
          new Measure("warm", "s", Samples.of(warm)), Measure.of("cold", "s", cold),
          "JVM launch to the ready line of ./twin up's main (-Xmx3g); cold = empty data directory (broker format, "
              + "tables, job submission), warm = restart on it (job resumes from its savepoint); the month of history "
              + "is generated after the ready line"));
      HttpApi api = HttpApi.login(stack.baseUrl(), "admin", PASSWORD);
      awaitCaughtUp(api, twins.get(0));
      // the queries run "after compaction": the stack's first maintenance pass (a minute after start)
      // sorts the backfilled days; measuring during it would measure the pass, not the queries
      long t0 = System.nanoTime();
      Await.until("the warm stack's first table maintenance", START_TIMEOUT, Duration.ofMillis(1000), () -> maintenanceRuns(twinLog) > maintenanceRuns);
      log.printf("  first table maintenance done after %.0f s more%n", (System.nanoTime() - t0) / 1e9);
      out.addAll(QueryBench.run(api, dir.resolve("warehouse"), dir.getParent(), twins.get(0), config.quick() ? 20 : 50, log));
      LoadLoop.Result twinsApi = load(api, twins, config);
      log.printf("  GET /twins/{id}: %,.0f req/s, %d errors%n", twinsApi.perSecond(), twinsApi.errors());
      LoadLoop.Result bare = bare(dir.getParent(), twins, config); // with the stack still running, as for the API
      log.printf("  bare Javalin: %,.0f req/s, %d errors%n", bare.perSecond(), bare.errors());
      out.add(Figure.of("GET /api/v1/twins/{id} throughput, 64 connections",
          Measure.of("API", "req/s", twinsApi.perSecond()), Measure.of("bare Javalin handler", "req/s", bare.perSecond()),
          String.format("%d s closed loop after 3 s warm-up, Java HttpClient in the bench JVM on the same cores; API: %,d "
              + "ok, %d errors (auth; registry row and state kept in memory by the API between commits, recomputed by DuckDB after each); bare: %,d ok, %d errors",
              config.loadDuration().toSeconds(), twinsApi.ok(), twinsApi.errors(), bare.ok(), bare.errors()),
          Goal.valueAtLeast(1000)));
      if (twinsApi.errors() > 0) {
        out.add(Figure.unavailable("GET /api/v1/twins/{id} without errors", twinsApi.errors() + " of "
            + (twinsApi.ok() + twinsApi.errors()) + " requests failed (goal: none)"));
      }
      out.addAll(FreshnessBench.run(api, stack.kafkaBootstrap(), twins, config.quick() ? 4 : 10, log));
      out.addAll(ChatBench.run(api, twins.get(0), config.quick() ? 30 : 100, log));
    }
    return out;
  }

  private static LoadLoop.Result load(HttpApi api, List<String> twins, BenchConfig config) throws InterruptedException {
    List<String> paths = twins.stream().map(t -> "/api/v1/twins/" + t).toList();
    return LoadLoop.run(api, paths, CONNECTIONS, Duration.ofSeconds(3), config.loadDuration());
  }

  private static LoadLoop.Result bare(Path work, List<String> twins, BenchConfig config) throws Exception {
    int port = FreePorts.next();
    try (StackProcess server = StackProcess.start(ai.digitaltwin.bench.api.BareJavalin.class.getName(),
        List.of(String.valueOf(port)), Map.of(), config.childJvmOptions(), "listening", work.resolve("bare-javalin.log"))) {
      server.awaitReady(Duration.ofMinutes(1));
      return load(HttpApi.anonymous("http://127.0.0.1:" + port), twins, config);
    }
  }

  /** Waits until the twin's newest reading is within 5 minutes of now: backfill generated and committed. */
  static void awaitCaughtUp(HttpApi api, String twin) {
    Await.until("twin " + twin + "'s history to catch up with now", Duration.ofMinutes(30), Duration.ofMillis(2000), () -> {
      try {
        JsonNode current = api.json("/api/v1/twins/" + twin + "/health?limit=1").get("current");
        return current != null && !current.isNull()
            && FreshnessBench.instant(current.get("ts")).isAfter(Instant.now().minus(Duration.ofMinutes(5)));
      } catch (Exception e) {
        return false;
      }
    });
  }
}
