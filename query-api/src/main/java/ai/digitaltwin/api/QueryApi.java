package ai.digitaltwin.api;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;

import ai.digitaltwin.api.error.ErrorHandlers;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.system.ComponentCheck;
import ai.digitaltwin.api.system.HealthController;
import ai.digitaltwin.api.twin.TwinController;
import ai.digitaltwin.api.twin.TwinService;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.List;

/** Builds the API: every route in one tree, controllers that only do IO, services behind them. */
public final class QueryApi {
  /** What the API reads from and reports on. */
  public record Services(TwinHistory history, List<ComponentCheck> checks) {}

  private QueryApi() {}

  public static Javalin create(Services services, ApiConfig config) {
    TwinController twins = new TwinController(new TwinService(services.history()));
    HealthController health = new HealthController(services.checks());
    return Javalin.create(
        cfg -> {
          cfg.jetty.host = config.host();
          cfg.jetty.port = config.port();
          cfg.startup.showJavalinBanner = false;
          cfg.http.maxRequestSize = 1_000_000L;
          cfg.jsonMapper(
              new JavalinJackson()
                  .updateMapper(
                      m ->
                          m.registerModule(new JavaTimeModule())
                              .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)));
          ErrorHandlers.install(cfg);
          cfg.routes.apiBuilder(
              () -> {
                get("/health", health::health);
                path(
                    "/api/v1",
                    () -> {
                      get("/twins", twins::list);
                      get("/twins/{id}", twins::get);
                      get("/twins/{id}/health", twins::health);
                    });
              });
        });
  }
}
