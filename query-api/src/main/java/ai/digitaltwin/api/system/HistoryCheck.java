package ai.digitaltwin.api.system;

import ai.digitaltwin.api.history.IcebergViews;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.schemas.Tables;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DuckDB answers a query, and how old the last Iceberg commit of each event table is. */
public final class HistoryCheck {
  /** A table's last commit as the views see it; only {@code last_commit} (null) before the first. */
  public record Commit(String lastCommit, @JsonUnwrapped Since since) {}

  /** How old that commit is, and the snapshots and data files the table has. */
  public record Since(double lastCommitAgeS, long snapshots, int files) {}

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
          details.put(table, state == null || state.committedAt() == null
              ? new Commit(null, null)
              : new Commit(state.committedAt().toString(), new Since(
                  Duration.between(state.committedAt(), clock.instant()).toMillis() / 1000.0,
                  state.snapshots(), state.files())));
        }
        return Status.up(details);
      }
    };
  }
}
