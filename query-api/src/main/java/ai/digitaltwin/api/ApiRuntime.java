package ai.digitaltwin.api;

import ai.digitaltwin.api.history.IcebergViews;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.system.ComponentCheck;
import ai.digitaltwin.api.system.HistoryCheck;
import ai.digitaltwin.api.system.KafkaCheck;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.schemas.Tables;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A running API with everything it opened, closed in reverse order. Used by {@link QueryApiMain} and by
 * the embedded stack, which adds its own checks (e.g. the Flink job).
 */
public final class ApiRuntime implements AutoCloseable {
  private final TwinCatalog catalog;
  private final TwinHistory history;
  private final KafkaCheck kafka;
  private final Javalin app;

  private ApiRuntime(TwinCatalog catalog, TwinHistory history, KafkaCheck kafka, Javalin app) {
    this.catalog = catalog;
    this.history = history;
    this.kafka = kafka;
    this.app = app;
  }

  public static ApiRuntime start(ApiConfig config, List<ComponentCheck> extraChecks) {
    TwinCatalog catalog = TwinCatalog.open(config.catalog());
    TwinHistory history =
        TwinHistory.open(
            new IcebergViews(catalog, Tables.ALL), config.queryTimeout(), config.snapshotPoll());
    KafkaCheck kafka = new KafkaCheck(config.kafkaBootstrap());
    HistoryCheck historyCheck = new HistoryCheck(history, Clock.systemUTC());
    List<ComponentCheck> checks = new ArrayList<>();
    checks.add(kafka);
    checks.addAll(extraChecks);
    checks.add(historyCheck.iceberg());
    checks.add(historyCheck.duckdb());
    Javalin app = QueryApi.create(new QueryApi.Services(history, checks), config);
    app.start();
    return new ApiRuntime(catalog, history, kafka, app);
  }

  public int port() {
    return app.port();
  }

  public TwinHistory history() {
    return history;
  }

  @Override
  public void close() throws Exception {
    app.stop();
    kafka.close();
    history.close();
    catalog.close();
  }
}
