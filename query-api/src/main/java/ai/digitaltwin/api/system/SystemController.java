package ai.digitaltwin.api.system;

import ai.digitaltwin.api.history.IcebergViews;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.metrics.ApiMetrics;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /system/info}: versions of what the API runs on, its effective configuration without secrets
 * and what its views show; {@code /metrics}: Prometheus text. Neither needs a token and neither
 * carries a secret.
 */
public final class SystemController {
  private final Map<String, Object> config;
  private final TwinHistory history;
  private final ApiMetrics metrics;
  private final Clock clock;
  private final Instant started;

  public SystemController(Map<String, Object> config, TwinHistory history, ApiMetrics metrics, Clock clock) {
    this.config = Map.copyOf(config);
    this.history = history;
    this.metrics = metrics;
    this.clock = clock;
    this.started = clock.instant();
  }

  public void info(Context ctx) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("service", "query-api");
    out.put("versions", versions());
    out.put("started_at", started.toString());
    out.put("uptime_s", Duration.between(started, clock.instant()).toSeconds());
    out.put("config", new TreeMap<>(config));
    Map<String, Object> views = new TreeMap<>();
    for (IcebergViews.ViewState state : history.views().states().values()) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("snapshot_id", state.snapshotId() < 0 ? null : state.snapshotId());
      v.put("committed_at", state.committedAt() == null ? null : state.committedAt().toString());
      v.put("files", state.files());
      views.put(state.table(), v);
    }
    out.put("views", views);
    ctx.json(out);
  }

  public void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }

  private Map<String, Object> versions() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("query_api", orUnknown(SystemController.class.getPackage().getImplementationVersion()));
    out.put("java", System.getProperty("java.version"));
    out.put("javalin", orUnknown(io.javalin.Javalin.class.getPackage().getImplementationVersion()));
    out.put("duckdb", history.query("SELECT version()", java.util.List.of()).rows().get(0).get(0));
    out.put("iceberg", org.apache.iceberg.IcebergBuild.version());
    out.put("kafka_clients", org.apache.kafka.common.utils.AppInfoParser.getVersion());
    out.put("avro", orUnknown(org.apache.avro.Schema.class.getPackage().getImplementationVersion()));
    return out;
  }

  private static String orUnknown(String version) {
    return version == null ? "development build" : version;
  }
}
