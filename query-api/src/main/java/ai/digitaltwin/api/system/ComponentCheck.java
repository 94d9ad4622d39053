package ai.digitaltwin.api.system;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/** One component's health, as {@code /health} reports it. */
public interface ComponentCheck {
  /**
   * Up or down and the component's own facts, written out as one object: {@code status}, then each
   * detail. The details are whatever the component can tell (a job id, a commit's age), so they stay a
   * map by name.
   */
  record Status(String status, @JsonAnyGetter Map<String, Object> details) {
    public static Status up(Map<String, Object> details) {
      return new Status("up", details);
    }

    public static Status down(String reason) {
      return new Status("down", Map.of("error", reason));
    }

    @JsonIgnore
    public boolean isUp() {
      return "up".equals(status);
    }
  }

  String name();

  Status check();
}
