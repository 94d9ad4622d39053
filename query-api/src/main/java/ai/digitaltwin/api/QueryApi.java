package ai.digitaltwin.api;

import static io.javalin.apibuilder.ApiBuilder.beforeMatched;
import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import ai.digitaltwin.api.auth.AuthController;
import ai.digitaltwin.api.auth.Authenticator;
import ai.digitaltwin.api.auth.LoginLimiter;
import ai.digitaltwin.api.auth.Tokens;
import ai.digitaltwin.api.auth.UserDirectory;
import ai.digitaltwin.api.dashboard.Dashboard;
import ai.digitaltwin.api.error.ErrorHandlers;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.http.Json;
import ai.digitaltwin.api.kafka.EventProducer;
import ai.digitaltwin.api.metrics.ApiMetrics;
import ai.digitaltwin.api.metrics.RequestMetrics;
import ai.digitaltwin.api.pipeline.KafkaProgress;
import ai.digitaltwin.api.pipeline.PipelineController;
import ai.digitaltwin.api.pipeline.PipelineService;
import ai.digitaltwin.api.pipeline.PopulationService;
import ai.digitaltwin.api.system.ComponentCheck;
import ai.digitaltwin.api.system.HealthController;
import ai.digitaltwin.api.twin.TwinController;
import ai.digitaltwin.api.twin.RecentRegistry;
import ai.digitaltwin.api.twin.TwinService;
import ai.digitaltwin.api.twin.TwinWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.List;

/** Builds the API: every route in one tree, controllers that only do IO, services behind them. */
public final class QueryApi {
  /** What the API reads from, writes to and reports on; opened and closed by {@link ApiRuntime}. */
  public record Services(
      TwinHistory history,
      UserDirectory users,
      EventProducer events,
      ApiMetrics metrics,
      List<ComponentCheck> checks,
      KafkaProgress progress,
      Clock clock) {}

  private QueryApi() {}

  public static Javalin create(Services services, ApiConfig config) {
    ObjectMapper mapper = Json.mapper();
    Tokens tokens = new Tokens(config.auth().jwtSecret(), config.auth().tokenTtl(), services.clock());
    Authenticator authenticator = new Authenticator(tokens, services.users());
    AuthController auth =
        new AuthController(
            services.users(),
            tokens,
            new LoginLimiter(config.auth().loginMaxFailures(), config.auth().loginWindow(), services.clock()),
            mapper);
    TwinService twinService = new TwinService(services.history());
    TwinWriter writer =
        new TwinWriter(services.events(), new RecentRegistry(services.history()), services.clock());
    TwinController twins = new TwinController(twinService, writer, mapper);
    HealthController health = new HealthController(services.checks());
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
          cfg.jsonMapper(new JavalinJackson(mapper, false));
          ErrorHandlers.install(cfg);
          requests.install(cfg);
          dashboard.install(cfg);
          cfg.routes.apiBuilder(
              () -> {
                get("/health", health::health);
                get(Dashboard.ECHARTS_PATH, dashboard::echarts);
                get(Dashboard.ROUTES_PATH, dashboard::routes);
                path(
                    "/api/v1",
                    () -> {
                      beforeMatched(authenticator::handle);
                      post("/auth/register", auth::register);
                      post("/auth/login", auth::login);
                      get("/auth/me", auth::me);
                      get("/twins", twins::list);
                      post("/twins", twins::create);
                      get("/twins/{id}", twins::get);
                      put("/twins/{id}", twins::replace);
                      patch("/twins/{id}", twins::patch);
                      delete("/twins/{id}", twins::delete);
                      get("/twins/{id}/health", twins::health);
                      get("/pipeline", pipeline::pipeline);
                      get("/population", pipeline::population);
                    });
              });
        });
    dashboard.attach(app);
    return app;
  }
}
