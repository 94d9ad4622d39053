package ai.digitaltwin.api.system;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /health}: 200 when every component is up, 503 otherwise, with each component's status. */
public final class HealthController {
  private final List<ComponentCheck> checks;

  public HealthController(List<ComponentCheck> checks) {
    this.checks = List.copyOf(checks);
  }

  /** The body: {@code up} or {@code degraded}, and each component's status by its name, in check order. */
  public record Health(String status, Map<String, ComponentCheck.Status> components) {}

  public void health(Context ctx) {
    Map<String, ComponentCheck.Status> components = new LinkedHashMap<>();
    boolean allUp = true;
    for (ComponentCheck check : checks) {
      ComponentCheck.Status status;
      try {
        status = check.check();
      } catch (RuntimeException e) {
        status = ComponentCheck.Status.down(e.toString());
      }
      allUp &= status.isUp();
      components.put(check.name(), status);
    }
    ctx.status(allUp ? 200 : 503).json(new Health(allUp ? "up" : "degraded", components));
  }
}
