package ai.digitaltwin.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The API's own Prometheus metrics: requests by route, query latency, view refreshes and Kafka
 * produces. One instance per API, passed to whoever counts; nothing static.
 */
public final class ApiMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  /** One answered request: {@code route} is the matched path template, never the raw path. */
  public void request(String method, String route, int status, Duration elapsed) {
    Timer.builder("http_server_requests")
        .description("HTTP requests by route, method and status")
        .tag("method", method)
        .tag("route", route)
        .tag("status", String.valueOf(status))
        .publishPercentileHistogram(false)
        .register(registry)
        .record(elapsed);
  }

  /** One DuckDB query: {@code kind} is {@code api} (the API's own) or {@code sql} (the SQL endpoint). */
  public void query(String kind, boolean ok, Duration elapsed) {
    Timer.builder("duckdb_queries")
        .description("DuckDB query latency")
        .tag("kind", kind)
        .tag("outcome", ok ? "ok" : "error")
        .publishPercentiles(Latency.PERCENTILES)
        .register(registry)
        .record(elapsed);
  }

  /** A view was pointed at a new Iceberg snapshot. */
  public void viewRefreshed(String table) {
    Counter.builder("iceberg_view_refreshes").tag("table", table).register(registry).increment();
  }

  /** Records sent to Kafka, by topic and outcome. */
  public void produced(String topic, boolean ok, int records) {
    Counter.builder("kafka_produced_records")
        .tag("topic", topic)
        .tag("outcome", ok ? "ok" : "error")
        .register(registry)
        .increment(records);
  }

  /** One reply of the chat's narrator, by outcome (narrated, rejected, timeout, error). */
  public void chatNarration(String outcome) {
    Counter.builder("chat_narrations")
        .description("Replies given to the chat's narrator, by what was shown")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /** A refused SQL text, by reason (parse, not_select, statements, ...). */
  public void sqlRefused(String reason) {
    Counter.builder("sql_refused").tag("reason", reason).register(registry).increment();
  }

  /**
   * Latency of successful DuckDB queries: how many since start, and mean, median and 99th percentile in
   * milliseconds over the timer's recent window.
   */
  public record Latency(long count, double meanMs, Double p50Ms, Double p99Ms) {
    static final double[] PERCENTILES = {0.5, 0.99};
  }

  /** The {@link Latency} of the queries of one {@code kind}; null before the first such query. */
  public Latency queryLatency(String kind) {
    Timer timer = registry.find("duckdb_queries").tag("kind", kind).tag("outcome", "ok").timer();
    if (timer == null || timer.count() == 0) {
      return null;
    }
    HistogramSnapshot snapshot = timer.takeSnapshot();
    return new Latency(timer.count(), timer.mean(TimeUnit.MILLISECONDS), percentile(snapshot, 0.5), percentile(snapshot, 0.99));
  }

  private static Double percentile(HistogramSnapshot snapshot, double percentile) {
    for (ValueAtPercentile p : snapshot.percentileValues()) {
      if (p.percentile() == percentile) {
        return p.value(TimeUnit.MILLISECONDS);
      }
    }
    return null;
  }

  /** Prometheus text exposition of everything counted so far. */
  public String scrape() {
    return registry.scrape();
  }
}
