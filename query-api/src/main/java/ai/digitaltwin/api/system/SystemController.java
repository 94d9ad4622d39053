package ai.digitaltwin.api.system;

import ai.digitaltwin.api.ApiConfig;
import ai.digitaltwin.api.history.IcebergViews;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.metrics.ApiMetrics;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /system/info}: versions of what the API runs on, its effective configuration without secrets
 * and what its views show; {@code /metrics}: Prometheus text. Neither needs a token and neither
 * carries a secret.
 */
public final class SystemController {
  /** The body of {@code /system/info}; {@code views} by table name, alphabetical. */
  public record Info(
      String service, Versions versions, String startedAt, long uptimeS, ApiConfig.Description config,
      Map<String, View> views) {}

  /** What the API runs on; {@code query_api} is "development build" outside a packaged jar. */
  public record Versions(
      String queryApi, String java, String javalin, String duckdb, String iceberg, String kafkaClients, String avro) {}

  /** A table's view: the snapshot it shows (null before the first) and how many data files it reads. */
  public record View(Long snapshotId, String committedAt, int files) {}

  private final ApiConfig.Description config;
  private final TwinHistory history;
  private final ApiMetrics metrics;
  private final Clock clock;
  private final Instant started;

  public SystemController(ApiConfig.Description config, TwinHistory history, ApiMetrics metrics, Clock clock) {
    this.config = config;
    this.history = history;
    this.metrics = metrics;
    this.clock = clock;
    this.started = clock.instant();
  }

  public void info(Context ctx) {
    Map<String, View> views = new TreeMap<>();
    for (IcebergViews.ViewState state : history.views().states().values()) {
      views.put(state.table(), new View(
          state.snapshotId() < 0 ? null : state.snapshotId(),
          state.committedAt() == null ? null : state.committedAt().toString(),
          state.files()));
    }
    ctx.json(new Info(
        "query-api", versions(), started.toString(), Duration.between(started, clock.instant()).toSeconds(), config, views));
  }

  public void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }

  private Versions versions() {
    return new Versions(
        orUnknown(SystemController.class.getPackage().getImplementationVersion()),
        System.getProperty("java.version"),
        orUnknown(io.javalin.Javalin.class.getPackage().getImplementationVersion()),
        (String) history.query("SELECT version()", java.util.List.of()).rows().get(0).get(0),
        org.apache.iceberg.IcebergBuild.version(),
        org.apache.kafka.common.utils.AppInfoParser.getVersion(),
        orUnknown(org.apache.avro.Schema.class.getPackage().getImplementationVersion()));
  }

  private static String orUnknown(String version) {
    return version == null ? "development build" : version;
  }
}
