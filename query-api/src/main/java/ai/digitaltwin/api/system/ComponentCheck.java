package ai.digitaltwin.api.system;

import java.util.Map;

/** One component's health, as {@code /health} reports it. */
public interface ComponentCheck {
  record Status(String status, Map<String, Object> details) {
    public static Status up(Map<String, Object> details) {
      return new Status("up", details);
    }

    public static Status down(String reason) {
      return new Status("down", Map.of("error", reason));
    }

    public boolean isUp() {
      return "up".equals(status);
    }
  }

  String name();

  Status check();
}
