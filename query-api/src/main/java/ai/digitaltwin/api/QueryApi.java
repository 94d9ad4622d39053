package ai.digitaltwin.api;

import static ai.digitaltwin.api.twin.TwinAccess.CREATE_OR_WRITE;
import static ai.digitaltwin.api.twin.TwinAccess.PROFILE;
import static ai.digitaltwin.api.twin.TwinAccess.READ;
import static ai.digitaltwin.api.twin.TwinAccess.WRITE;
import static io.javalin.apibuilder.ApiBuilder.beforeMatched;
import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import ai.digitaltwin.api.auth.UserDirectory;
import ai.digitaltwin.api.chat.ChatService;
import ai.digitaltwin.api.dashboard.Dashboard;
import ai.digitaltwin.api.error.ErrorHandlers;
import ai.digitaltwin.api.error.JsonErrorHandler;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.http.BodyLimit;
import ai.digitaltwin.api.http.Json;
import ai.digitaltwin.api.kafka.EventProducer;
import ai.digitaltwin.api.live.LiveFeed;
import ai.digitaltwin.api.metrics.ApiMetrics;
import ai.digitaltwin.api.metrics.RequestMetrics;
import ai.digitaltwin.api.sql.SqlSandbox;
import ai.digitaltwin.api.pipeline.KafkaProgress;
import ai.digitaltwin.api.pipeline.PipelineController;
import ai.digitaltwin.api.pipeline.PipelineService;
import ai.digitaltwin.api.pipeline.PopulationService;
import ai.digitaltwin.api.system.ComponentCheck;
import ai.digitaltwin.api.twin.TwinGate;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.List;

/** Builds the API: every route in one tree, controllers that only do IO, services behind them. */
public final class QueryApi {
  /** What the API reads from, writes to and reports on; opened and closed by {@link ApiRuntime}. */
  public record Services(
      TwinHistory history,
      SqlSandbox sql,
      UserDirectory users,
      EventProducer events,
      LiveFeed live,
      ApiMetrics metrics,
      List<ComponentCheck> checks,
      KafkaProgress progress,
      ChatService chat,
      Clock clock) {}

  private QueryApi() {}

  public static Javalin create(Services services, ApiConfig config) {
    Controllers c = Controllers.of(services, config);
    RequestMetrics requests = new RequestMetrics(services.metrics());
    PipelineController pipeline =
        new PipelineController(
            new PipelineService(
                services.history(), services.progress(), services.checks(), services.metrics(), services.clock()),
            new PopulationService(services.history()));
    Dashboard dashboard = Dashboard.fromClasspath();
    Javalin app =
        Javalin.create(
        cfg -> {
          cfg.jetty.host = config.host();
          cfg.jetty.port = config.port();
          cfg.startup.showJavalinBanner = false;
          cfg.http.maxRequestSize = config.maxRequestBytes();
          cfg.http.prefer405over404 = true;
          cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
          cfg.staticFiles.enableWebjars();
          ErrorHandlers.install(cfg);
          // requests Jetty refuses before routing (a NUL or an encoded "/.." in the path) get our JSON too
          cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
          cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrorHandler()));
          requests.install(cfg);
          dashboard.install(cfg);
          cfg.routes.before(new BodyLimit(config.maxRequestBytes())::check);
          cfg.routes.apiBuilder(
              () -> {
                get("/health", c.health()::health);
                get("/system/info", c.system()::info);
                get("/metrics", c.system()::metrics);
                get("/openapi.json", c.docs()::openapi);
                get("/docs", c.docs()::docs);
                get(Dashboard.ECHARTS_PATH, dashboard::echarts);
                get(Dashboard.ROUTES_PATH, dashboard::routes);
                path(
                    "/api/v1",
                    () -> {
                      beforeMatched(c.authenticator()::handle);
                      path("/auth", () -> {
                        post("/register", c.auth()::register);
                        post("/login", c.auth()::login);
                        get("/me", c.auth()::me);
                      });
                      post("/sql", c.sql()::query);
                      get("/questionnaires/bfi-10", c.personality()::questionnaireItems);
                      path("/twins", () -> {
                        get(c.twins()::list);
                        post(c.twins()::create);
                        path("/{id}", () -> {
                          // each route declares what it asks of the caller; the gate checks it once, before
                          beforeMatched(c.twinGate()::check);
                          get(c.twins()::get, PROFILE);
                          put(c.twins()::replace, WRITE);
                          patch(c.twins()::patch, WRITE);
                          delete(c.twins()::delete, WRITE);
                          get("/health", c.twins()::health, READ);
                          get("/health/trends", c.views()::trends, READ);
                          get("/health/daily", c.views()::daily, READ);
                          get("/personality", c.personality()::personality, READ);
                          post("/personality/questionnaire", c.personality()::questionnaire, WRITE);
                          get("/behavior", c.views()::behavior, READ);
                          get("/anomalies", c.views()::anomalies, READ);
                          get("/state", c.timeTravel()::state, READ);
                          get("/analytics", c.analytics()::analytics, READ);
                          get("/export", c.export()::export, READ);
                          post("/events", c.ingest()::ingest, WRITE);
                          put("/import", c.ingest()::ensureImported, CREATE_OR_WRITE);
                          post("/import", c.upload()::upload, WRITE);
                          get("/stream", c.stream()::stream, READ);
                          post("/chat", c.chat()::chat, WRITE);
                          get("/chat/history", c.chat()::history, READ);
                        });
                      });
                      get("/pipeline", pipeline::pipeline);
                      get("/population", pipeline::population);
                    });
              });
        });
    TwinGate.requireDeclared(app.unsafe.internalRouter.allHttpHandlers().stream().map(p -> p.endpoint).toList());
    dashboard.attach(app);
    return app;
  }
}
