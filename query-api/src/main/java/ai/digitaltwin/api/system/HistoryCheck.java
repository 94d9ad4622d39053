package ai.digitaltwin.api.system;

import ai.digitaltwin.api.history.IcebergViews;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.schemas.Tables;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DuckDB answers a query, and how old the last Iceberg commit of each event table is. */
public final class HistoryCheck {
  private final TwinHistory history;
  private final Clock clock;

  public HistoryCheck(TwinHistory history, Clock clock) {
    this.history = history;
    this.clock = clock;
  }

  public ComponentCheck duckdb() {
    return new ComponentCheck() {
      @Override
      public String name() {
        return "duckdb";
      }

      @Override
      public Status check() {
        try {
          Object one = history.query("SELECT 1", List.of()).rows().get(0).get(0);
          return Status.up(Map.of("select_1", one));
        } catch (RuntimeException e) {
          return Status.down(e.getMessage());
        }
      }
    };
  }

  public ComponentCheck iceberg() {
    return new ComponentCheck() {
      @Override
      public String name() {
        return "iceberg";
      }

      @Override
      public Status check() {
        Map<String, Object> details = new LinkedHashMap<>();
        for (String table : List.of(Tables.HEALTH_EVENTS, Tables.TWIN_STATE)) {
          IcebergViews.ViewState state = history.views().state(table).orElse(null);
          Map<String, Object> t = new LinkedHashMap<>();
          if (state == null || state.committedAt() == null) {
            t.put("last_commit", null);
          } else {
            t.put("last_commit", state.committedAt().toString());
            t.put("last_commit_age_s", Duration.between(state.committedAt(), clock.instant()).toMillis() / 1000.0);
            t.put("snapshots", state.snapshots());
            t.put("files", state.files());
          }
          details.put(table, t);
        }
        return Status.up(details);
      }
    };
  }
}
