package ai.digitaltwin.reliability.load;

import ai.digitaltwin.reliability.Outcome;
import ai.digitaltwin.reliability.Scenario;
import ai.digitaltwin.reliability.SuiteContext;
import ai.digitaltwin.reliability.harness.LiveStack;
import ai.digitaltwin.reliability.harness.Percentiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sustained HTTP load on the read endpoints at 64 connections while the generator and the stream job
 * keep running, with a freshness probe before and during the load: zero errors, latency percentiles,
 * and how long a new reading takes to become queryable with and without the load.
 */
public final class LoadScenario implements Scenario {
  private static final String PROBE_TWIN = "demo-005";

  @Override
  public String name() {
    return "load";
  }

  @Override
  public List<Outcome> run(SuiteContext ctx) throws Exception {
    LiveStack live = ctx.live();
    String token = live.login("analyst1");
    List<String> paths = new ArrayList<>();
    for (int i = 1; i <= LiveStack.DEMO_TWINS; i++) {
      String twin = "/api/v1/twins/demo-00" + i;
      paths.addAll(List.of(twin, twin + "/health?limit=10", twin + "/personality", twin + "/anomalies?limit=20", twin + "/health/trends?metric=heart_rate"));
    }
    paths.add("/api/v1/twins");
    for (String path : paths) {
      var answer = live.api().get(path, token);
      if (answer.status() != 200) {
        throw new IllegalStateException("GET " + path + " answers " + answer.status() + " before any load: " + answer.body());
      }
    }

    List<Long> idle = probe(live, "rel-fresh-idle-", 12_000);
    FreshnessProbe underLoad = new FreshnessProbe(live, PROBE_TWIN, "rel-fresh-load-");
    Thread probeThread = new Thread(underLoad, "freshness-probe");
    probeThread.start();
    int seconds = ctx.scale().loadSeconds();
    int connections = ctx.scale().loadConnections();
    LoadResult load = WrkLoad.available()
        ? WrkLoad.run(live.api().base(), token, paths, connections, seconds, ctx.dir("load"))
        : JavaLoad.run(live.api().base(), token, paths, connections, seconds);
    underLoad.stop();
    probeThread.join(70_000);
    List<Long> loaded = underLoad.delays();

    boolean ok = load.errors() == 0 && load.requests() > 0 && !loaded.isEmpty() && underLoad.lost() == 0;
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("tool", load.tool());
    figures.put("connections", connections);
    figures.put("seconds", load.seconds());
    figures.put("requests", load.requests());
    figures.put("requests_per_second", load.perSecond());
    figures.put("errors", load.errors());
    figures.put("p50_ms", load.p50Ms());
    figures.put("p90_ms", load.p90Ms());
    figures.put("p99_ms", load.p99Ms());
    figures.put("max_ms", load.maxMs());
    figures.put("freshness_idle_ms", idle);
    figures.put("freshness_under_load_ms", loaded);
    String done = String.format("%s: %d connections for %d s over %d read endpoints (twin, readings, personality, anomalies, trends, list) "
        + "as an analyst, generator and stream job running; a reading ingested every 2 s and timed until queryable", load.tool(),
        connections, seconds, paths.size());
    String observed = String.format("%d requests (%.0f/s), %d errors (%s); latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; "
        + "freshness (ingest → queryable) median %d ms, max %d ms under load (%d probes, %d lost) vs median %d ms idle",
        load.requests(), load.perSecond(), load.errors(), load.errorDetail(), load.p50Ms(), load.p90Ms(), load.p99Ms(), load.maxMs(),
        Percentiles.of(loaded, 50), Percentiles.of(loaded, 100), loaded.size(), underLoad.lost(), Percentiles.of(idle, 50));
    return List.of(Outcome.of("load", done, "zero errors; p99 and freshness under load reported; every probe reading queryable",
        observed, ok, figures));
  }

  /** Freshness without load: the probe alone for a while. */
  private static List<Long> probe(LiveStack live, String prefix, long millis) throws InterruptedException {
    FreshnessProbe probe = new FreshnessProbe(live, PROBE_TWIN, prefix);
    Thread t = new Thread(probe, "freshness-idle");
    t.start();
    t.join(millis);
    probe.stop();
    t.join(70_000);
    return probe.delays();
  }
}
