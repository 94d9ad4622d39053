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

  public void health(Context ctx) {
    Map<String, Object> components = new LinkedHashMap<>();
    boolean allUp = true;
    for (ComponentCheck check : checks) {
      ComponentCheck.Status status;
      try {
        status = check.check();
      } catch (RuntimeException e) {
        status = ComponentCheck.Status.down(e.toString());
      }
      allUp &= status.isUp();
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("status", status.status());
      c.putAll(status.details());
      components.put(check.name(), c);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", allUp ? "up" : "degraded");
    body.put("components", components);
    ctx.status(allUp ? 200 : 503).json(body);
  }
}
