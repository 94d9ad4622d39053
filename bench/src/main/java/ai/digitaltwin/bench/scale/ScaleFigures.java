package ai.digitaltwin.bench.scale;

import ai.digitaltwin.bench.api.LoadLoop;
import ai.digitaltwin.bench.report.Figure;
import ai.digitaltwin.bench.report.Goal;
import ai.digitaltwin.bench.report.Measure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The rows of the API-at-scale section, with the goals. */
final class ScaleFigures {
  private static final String HOW = "a different random twin each request, then DuckDB on the sorted file for the "
      + "same twin and window; HTTP time includes auth, JSON and the round trip, DuckDB time fetching every value; "
      + "measured after %,d unmeasured requests of the same kind for other random twins (%d s)";

  private ScaleFigures() {}

  static List<Figure> point(String scale, RandomTwinQueries.Timings t, int samples, Instant from, Instant to) {
    String what = "one twin's last 24 h over HTTP (/export), " + scale;
    return percentiles(what, t, samples, String.format("%s..%s, %,d rows in all (%d per answer on average); %s", from,
        to, t.rows(), t.rows() / samples, how(t)), 15, 50);
  }

  static List<Figure> trend(String scale, RandomTwinQueries.Timings t, int samples, Instant from, Instant to) {
    long days = Duration.between(from, to).toDays();
    String what = String.format("one twin's %d-day hourly trend over HTTP (/health/trends), %s", days, scale);
    return percentiles(what, t, samples, String.format("%s..%s, %,d points in all; %s", from, to, t.rows(), how(t)),
        40, 0);
  }

  private static String how(RandomTwinQueries.Timings t) {
    return String.format(HOW, t.warmUpRequests(), t.warmUp().toSeconds());
  }

  /** The p50 row (goals: {@code p50Goal} ms and 1.5x the reference) and the p99 row ({@code p99Goal} ms, 0: none). */
  private static List<Figure> percentiles(String what, RandomTwinQueries.Timings t, int samples, String note,
      double p50Goal, double p99Goal) {
    List<Figure> out = new ArrayList<>();
    out.add(Figure.of(what + ", p50", new Measure("API, " + samples + " random twins", "ms", t.api()),
        new Measure("DuckDB, sorted Parquet", "ms", t.direct()), note, Goal.valueAtMost(p50Goal),
        Goal.ratioAtMost(1.5)));
    Measure p99 = Measure.of("p99 of " + samples, "ms", t.api().percentile(0.99));
    Measure refP99 = Measure.of("DuckDB p99", "ms", t.direct().percentile(0.99));
    String p99Note = String.format("the same requests; p95 %.1f ms, max %.1f ms", t.api().percentile(0.95), t.api().max());
    out.add(p99Goal > 0 ? Figure.of(what + ", p99", p99, refP99, p99Note, Goal.valueAtMost(p99Goal))
        : Figure.of(what + ", p99", p99, refP99, p99Note));
    return out;
  }

  static List<Figure> twinLookups(String scale, LoadLoop.Result load, Duration window) {
    List<Figure> out = new ArrayList<>();
    out.add(Figure.of("GET /api/v1/twins/{id} throughput, 64 connections, " + scale,
        Measure.of("API", "req/s", load.perSecond()), null,
        String.format("%d s closed loop after 3 s warm-up over every twin in shuffled order, Java HttpClient in the "
            + "bench JVM on the same cores: %,d ok, %d errors", window.toSeconds(), load.ok(), load.errors()),
        Goal.valueAtLeast(1000)));
    if (load.errors() > 0) {
      out.add(Figure.unavailable("GET /api/v1/twins/{id} without errors, " + scale, load.errors() + " of "
          + (load.ok() + load.errors()) + " requests failed (goal: none)"));
    }
    return out;
  }
}
