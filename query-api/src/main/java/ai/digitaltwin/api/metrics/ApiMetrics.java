package ai.digitaltwin.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

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
        .publishPercentiles(0.5, 0.99)
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

  /** A refused SQL text, by reason (parse, not_select, statements, ...). */
  public void sqlRefused(String reason) {
    Counter.builder("sql_refused").tag("reason", reason).register(registry).increment();
  }

  /** Prometheus text exposition of everything counted so far. */
  public String scrape() {
    return registry.scrape();
  }
}
