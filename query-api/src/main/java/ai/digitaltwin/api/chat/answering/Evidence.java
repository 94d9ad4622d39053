package ai.digitaltwin.api.chat.answering;

import java.util.List;
import java.util.Map;

/** One executed query: its SQL text, the parameter values in order, and the rows it returned. */
public record Evidence(String sql, List<Object> params, List<Map<String, Object>> rows) {
  public Evidence {
    params = List.copyOf(params);
    rows = List.copyOf(rows);
  }
}
