package ai.digitaltwin.api;

import ai.digitaltwin.api.auth.Passwords;
import ai.digitaltwin.api.auth.UserDirectory;
import ai.digitaltwin.api.chat.ChatService;
import ai.digitaltwin.api.chat.store.ChatLog;
import ai.digitaltwin.api.chat.store.HistorySql;
import ai.digitaltwin.api.chat.narrator.Narrator;
import ai.digitaltwin.api.daily.DailyFigures;
import ai.digitaltwin.api.history.DataFileCache;
import ai.digitaltwin.api.history.IcebergTables;
import ai.digitaltwin.api.history.IcebergViews;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.kafka.EventProducer;
import ai.digitaltwin.api.live.LiveFeed;
import ai.digitaltwin.api.metrics.ApiMetrics;
import ai.digitaltwin.api.sql.SqlSandbox;
import ai.digitaltwin.api.pipeline.KafkaProgress;
import ai.digitaltwin.api.system.ComponentCheck;
import ai.digitaltwin.api.system.HistoryCheck;
import ai.digitaltwin.api.system.KafkaCheck;
import ai.digitaltwin.api.twin.RecentRegistry;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.schemas.Tables;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running API with everything it opened, closed in reverse order. Used by {@link QueryApiMain} and by
 * the embedded stack, which adds its own checks (e.g. the Flink job). Start-up replays the users topic,
 * so Kafka and the project's topics must exist; with {@code ADMIN_PASSWORD} set an admin is ensured.
 */
public final class ApiRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiRuntime.class);
  static final int BCRYPT_STRENGTH = 10;

  private final Deque<AutoCloseable> opened;
  private final Javalin app;
  private final QueryApi.Services services;

  private ApiRuntime(Deque<AutoCloseable> opened, Javalin app, QueryApi.Services services) {
    this.opened = opened;
    this.app = app;
    this.services = services;
  }

  public static ApiRuntime start(ApiConfig config, List<ComponentCheck> extraChecks) {
    return start(config, extraChecks, Clock.systemUTC());
  }

  /** As {@link #start(ApiConfig, List)} on another clock: tests pin "now" for tokens and the chat. */
  public static ApiRuntime start(ApiConfig config, List<ComponentCheck> extraChecks, Clock clock) {
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      ApiMetrics metrics = new ApiMetrics();
      TwinCatalog catalog = push(opened, TwinCatalog.open(config.catalog()));
      // one poll of Iceberg for both databases: the second refresh within half a poll reuses the first
      IcebergTables iceberg =
          new IcebergTables(catalog, config.snapshotPoll().dividedBy(2), DataFileCache.in(config.dataFileCache()));
      TwinHistory history =
          push(
              opened,
              TwinHistory.open(
                  new IcebergViews(iceberg, Tables.ALL),
                  config.queryTimeout(),
                  config.snapshotPoll(),
                  new MeteredListener(metrics, "api"),
                  concat(RecentRegistry.ddl(), ChatLog.ddl())));
      SqlSandbox sql =
          push(
              opened,
              SqlSandbox.open(
                  iceberg,
                  localWarehouse(config),
                  config.sql(),
                  config.snapshotPoll(),
                  new MeteredListener(metrics, "sql"),
                  metrics::sqlRefused));
      EventProducer events = push(opened, new EventProducer(config.kafkaBootstrap(), metrics));
      UserDirectory users =
          push(
              opened,
              UserDirectory.start(
                  config.kafkaBootstrap(), events, new Passwords(BCRYPT_STRENGTH), clock, Duration.ofSeconds(60)));
      users.ensureAdmin(config.auth().adminPassword());
      if (config.auth().generatedSecret()) {
        LOG.warn("TWIN_DEV_MODE: JWT_SECRET not set, tokens are signed with a random key and die with this process");
      }
      LiveFeed live = push(opened, LiveFeed.start(config.kafkaBootstrap()));
      // the sentence model and the intent exemplars load once here (a second or two), not per request
      Narrator narrator = Narrator.of(config.narrator(), outcome -> metrics.chatNarration(outcome.wireName()));
      ChatService chat = ChatService.create(new HistorySql(history, new DailyFigures(history)), narrator);
      KafkaCheck kafka = push(opened, new KafkaCheck(config.kafkaBootstrap()));
      KafkaProgress progress = push(opened, new KafkaProgress(config.kafkaBootstrap(), clock));
      HistoryCheck historyCheck = new HistoryCheck(history, clock);
      List<ComponentCheck> checks = new ArrayList<>();
      checks.add(kafka);
      checks.addAll(extraChecks);
      checks.add(historyCheck.iceberg());
      checks.add(historyCheck.duckdb());
      QueryApi.Services services =
          new QueryApi.Services(history, sql, users, events, live, metrics, checks, progress, chat, clock);
      Javalin app = QueryApi.create(services, config);
      app.start();
      return new ApiRuntime(opened, app, services);
    } catch (RuntimeException e) {
      closeAll(opened);
      throw e;
    }
  }

  /**
   * The directory user SQL may read: the local warehouse. A remote warehouse (S3) is not readable by
   * DuckDB here at all: its views read the local copies in the data-file cache, so only that directory.
   */
  static Path localWarehouse(ApiConfig config) {
    String warehouse = config.catalog().warehouse();
    if (warehouse == null) {
      return config.dataDir();
    }
    if (warehouse.startsWith("file:")) {
      return Path.of(URI.create(warehouse));
    }
    return warehouse.contains("://") ? DataFileCache.in(config.dataFileCache()).dir() : Path.of(warehouse);
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static <T extends AutoCloseable> T push(Deque<AutoCloseable> opened, T resource) {
    opened.push(resource);
    return resource;
  }

  public int port() {
    return app.port();
  }

  /** Every HTTP route as {@code METHOD path}, for checking that each one is documented. */
  public java.util.List<String> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .filter(p -> p.endpoint.method.isHttpMethod())
        .map(p -> p.endpoint.method.name() + " " + p.endpoint.path)
        .toList();
  }

  public TwinHistory history() {
    return services.history();
  }

  /** The parts the running API is made of, for the embedded stack and tests to reach. */
  public QueryApi.Services services() {
    return services;
  }

  @Override
  public void close() {
    app.stop();
    closeAll(opened);
  }

  private static void closeAll(Deque<AutoCloseable> opened) {
    while (!opened.isEmpty()) {
      AutoCloseable resource = opened.pop();
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("closing {} failed: {}", resource.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
