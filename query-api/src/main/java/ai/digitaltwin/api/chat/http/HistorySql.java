package ai.digitaltwin.api.chat.http;

import ai.digitaltwin.api.chat.QueryResult;
import ai.digitaltwin.api.chat.SqlRunner;
import ai.digitaltwin.api.history.TwinHistory;
import java.util.List;

/**
 * The chat's queries on the API's own DuckDB views over the Iceberg tables. Values come back as JDBC
 * returns them (timestamps as {@code OffsetDateTime}), since the chat formats figures and times itself.
 * Thread-safe: {@link TwinHistory} uses one connection per thread.
 */
public final class HistorySql implements SqlRunner {
  private final TwinHistory history;

  public HistorySql(TwinHistory history) {
    this.history = history;
  }

  @Override
  public QueryResult query(String sql, List<Object> params) {
    ai.digitaltwin.api.history.QueryResult result = history.queryJdbc(sql, params);
    return new QueryResult(result.columns(), result.rows());
  }
}
