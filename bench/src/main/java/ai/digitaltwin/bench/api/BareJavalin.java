package ai.digitaltwin.bench.api;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.Javalin;
import java.util.Map;

/**
 * The reference of the API's throughput: a Javalin server with one handler that answers
 * {@code GET /api/v1/twins/{id}} with a small constant JSON object, no auth, no database. Run as its own
 * process, like the stack, on the port given.
 */
public final class BareJavalin {
  private BareJavalin() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    Javalin app = Javalin.create(cfg -> {
      cfg.jetty.host = "127.0.0.1";
      cfg.jetty.port = port;
      cfg.startup.showJavalinBanner = false;
      cfg.routes.apiBuilder(() -> get("/api/v1/twins/{id}", ctx -> ctx.json(Map.of("twin_id", ctx.pathParam("id"),
          "name", "Demo Digital Twin", "status", "normal"))));
    });
    app.start();
    System.out.println("bare javalin listening on " + app.port());
  }
}
