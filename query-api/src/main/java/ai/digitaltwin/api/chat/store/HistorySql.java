package ai.digitaltwin.api.chat.store;

import ai.digitaltwin.api.chat.answering.SqlRunner;
import ai.digitaltwin.api.daily.DailyFigures;
import ai.digitaltwin.api.history.QueryResult;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.schemas.Tables;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chat's queries on the API's own DuckDB views over the Iceberg tables. Values come back as JDBC
 * returns them (timestamps as {@code OffsetDateTime}), since the chat formats figures and times itself.
 * {@link SqlRunner#DAILY_FIGURES} is {@link DailyFigures}' relation of the scope's days. Thread-safe:
 * {@link TwinHistory} uses one connection per thread.
 */
public final class HistorySql implements SqlRunner {
  /** The tables a scoped query reads only the matching files of: keyed by twin, with a {@code ts}. */
  private static final Pattern SCOPED_TABLE = Pattern.compile("\\b(FROM|JOIN)\\s+("
      + String.join("|", Tables.HEALTH_EVENTS, Tables.BEHAVIOR_EVENTS, Tables.TWIN_STATE, Tables.ANOMALIES) + ")\\b");

  private static final Pattern DAILY = Pattern.compile("\\b(FROM|JOIN)\\s+" + DAILY_FIGURES + "\\b");

  private final TwinHistory history;
  private final DailyFigures daily;

  public HistorySql(TwinHistory history, DailyFigures daily) {
    this.history = history;
    this.daily = daily;
  }

  @Override
  public QueryResult query(String sql, List<Object> params) {
    return history.queryJdbc(sql, params);
  }

  /**
   * Runs {@code sql} with each of those tables read from only the files whose statistics can hold the
   * scope's twin and time (a month of history is a month of files; a day's question needs one or two).
   */
  @Override
  public QueryResult query(String sql, List<Object> params, Scope scope) {
    Matcher tables = SCOPED_TABLE.matcher(sql);
    String scoped = tables.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " "
        + history.relation(m.group(2), scope.twinId(), scope.from(), scope.to()) + " AS " + m.group(2)));
    if (scope.zone() != null && scope.from() != null && scope.to() != null) {
      // the twin's days: daily_summaries where the rollup holds them, the readings for the rest
      scoped = DAILY.matcher(scoped).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " ("
          + daily.select(scope.twinId(), scope.from(), scope.to(), scope.zone()) + ") AS " + DAILY_FIGURES));
    }
    return query(scoped, params);
  }
}
