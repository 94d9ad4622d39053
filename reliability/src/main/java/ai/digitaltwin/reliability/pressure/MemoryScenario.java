package ai.digitaltwin.reliability.pressure;

import ai.digitaltwin.reliability.Outcome;
import ai.digitaltwin.reliability.Scenario;
import ai.digitaltwin.reliability.SuiteContext;
import ai.digitaltwin.reliability.harness.LiveStack;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.testkit.Await;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Heap after a full GC of the JVM running the whole stack (broker, job, generator, API) at N twins, at 4N
 * twins, and at 4N again some time later: the cost of a twin must be small and the heap must not creep
 * while nothing grows. Twins are added through the API, as a user would.
 */
public final class MemoryScenario implements Scenario {
  /** A twin's state in the job, its simulation and the API's caches: well under this. */
  static final long MAX_BYTES_PER_TWIN = 1_000_000;
  /** Heap may wander this much between two measurements with the same twins (GC and buffer noise). */
  static final long MAX_DRIFT_BYTES = 32_000_000;
  /** Readings per twin that flow between the last two measurements. */
  static final int SOAK_READINGS = 20;

  /** Heap samples per measurement, and their spacing: five checkpoint intervals of the suite's stack. */
  static final int SAMPLES = 6;
  static final Duration SAMPLE_EVERY = Duration.ofSeconds(2);

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public List<Outcome> run(SuiteContext ctx) throws Exception {
    LiveStack live = ctx.live();
    int n = ctx.scale().memoryTwins();
    List<String> created = new ArrayList<>();
    addTwins(live, n - LiveStack.DEMO_TWINS, created);
    awaitActive(live, created);
    long atN = heapAfterGc();
    addTwins(live, 3 * n, created);
    awaitActive(live, created);
    long at4N = heapAfterGc();
    String allReadings = "SELECT count(*) FROM " + Tables.HEALTH_EVENTS;
    long readings = live.count(allReadings);
    long soakTarget = readings + (long) SOAK_READINGS * 4 * n;
    Await.until(SOAK_READINGS + " more readings per twin", Duration.ofSeconds(180), () -> live.count(allReadings) >= soakTarget);
    long later = heapAfterGc();

    long perTwin = (at4N - atN) / (3L * n);
    long drift = later - at4N;
    boolean ok = perTwin < MAX_BYTES_PER_TWIN && drift < MAX_DRIFT_BYTES;
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("twins_n", n);
    figures.put("heap_after_gc_n_bytes", atN);
    figures.put("heap_after_gc_4n_bytes", at4N);
    figures.put("heap_after_gc_4n_later_bytes", later);
    figures.put("bytes_per_added_twin", perTwin);
    figures.put("drift_bytes", drift);
    String done = String.format("heap used after full GC of the stack's JVM at %d twins, after adding %d through POST /api/v1/twins "
        + "(all %d producing and folded by the job), and again after %d more readings per twin", n, 3 * n, 4 * n, SOAK_READINGS);
    String observed = String.format("%.1f MB at %d twins, %.1f MB at %d, %.1f MB %d readings per twin later: %+d KB per added twin, drift %+.1f MB",
        atN / 1e6, n, at4N / 1e6, 4 * n, later / 1e6, SOAK_READINGS, perTwin / 1000, drift / 1e6);
    return List.of(Outcome.of("memory vs twins", done,
        String.format("< %d KB heap per added twin; < %d MB drift with the same twins", MAX_BYTES_PER_TWIN / 1000, MAX_DRIFT_BYTES / 1_000_000),
        observed, ok, figures));
  }

  private static void addTwins(LiveStack live, int count, List<String> created) {
    for (int i = 0; i < count; i++) {
      var a = live.api().post("/api/v1/twins", live.adminToken(), Map.of(
          "profile", Map.of("name", "Load Twin " + (created.size() + 1), "age", 25 + created.size() % 50, "sex", i % 2 == 0 ? "female" : "male",
              "occupation", "teacher", "timezone", "UTC"),
          "personality", Map.of("openness", 0.5, "conscientiousness", 0.5, "extraversion", 0.5, "agreeableness", 0.5, "neuroticism", 0.5)));
      if (a.status() != 201) {
        throw new IllegalStateException("cannot create a twin: " + a.status() + " " + a.body());
      }
      created.add(a.json().path("twin_id").asText());
    }
  }

  /** Every created twin has readings in health_events and a state snapshot: the whole chain holds it. */
  private static void awaitActive(LiveStack live, List<String> twins) throws InterruptedException {
    if (twins.isEmpty()) {
      return;
    }
    String in = "'" + String.join("','", twins) + "'";
    String twinsIn = "SELECT count(DISTINCT twin_id) FROM %s WHERE twin_id IN (" + in + ")";
    Await.until(twins.size() + " new twins producing and in " + Tables.TWIN_STATE, Duration.ofSeconds(180), () ->
        live.count(twinsIn.formatted(Tables.HEALTH_EVENTS)) == twins.size()
            && live.count(twinsIn.formatted(Tables.TWIN_STATE)) == twins.size());
  }

  /**
   * The heap the stack retains: the least of several measurements, each after a requested full
   * collection, spread over a few checkpoint intervals. Data in flight (the new twins' first day of
   * readings in Kafka clients, network buffers and open Parquet writers until the next checkpoint) comes
   * and goes with each checkpoint; back-to-back samples measured it as heap per twin.
   */
  static long heapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long least = Long.MAX_VALUE;
    for (int i = 0; i < SAMPLES; i++) {
      if (i > 0) {
        Thread.sleep(SAMPLE_EVERY.toMillis()); // sampling interval, not synchronisation
      }
      memory.gc();
      least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
    }
    return least;
  }
}
