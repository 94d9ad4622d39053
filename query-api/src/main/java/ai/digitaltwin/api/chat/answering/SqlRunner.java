package ai.digitaltwin.api.chat.answering;

import ai.digitaltwin.api.history.QueryResult;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Runs one read-only, parameterised SQL statement against the twin tables (DuckDB views named like the
 * Iceberg tables in {@link ai.digitaltwin.schemas.Tables}). The chat never builds SQL from user text:
 * every value travels as a {@code ?} parameter, in order. Timestamps are passed as
 * {@link java.time.OffsetDateTime} in UTC and compared with TIMESTAMP WITH TIME ZONE columns.
 *
 * <p>Implementations must be safe to call from several threads at once (one connection per call or
 * per thread) and should throw an unchecked exception on failure; the chat turns it into a reply that
 * says the data could not be read.
 */
@FunctionalInterface
public interface SqlRunner {
  QueryResult query(String sql, List<Object> params);

  /**
   * A relation a query may read besides the tables, in a scope with a zone: the twin's figures per local
   * day of that zone, for the days that overlap the scope, with the columns {@code twin_id}, {@code day},
   * {@code day_start}, {@code day_end} (TIMESTAMP WITH TIME ZONE), {@code source}, {@code readings}, {@code
   * steps} and the other figures of {@code daily_summaries}; the same numbers as from the readings.
   */
  String DAILY_FIGURES = "daily_figures";

  /**
   * Where every row a query reads lies: one twin, {@code from <= ts < to} (null: open). The query still
   * filters on both itself; this only tells the runner which data it may skip. {@code zone} (may be
   * null): the local days of {@link #DAILY_FIGURES}.
   */
  record Scope(String twinId, Instant from, Instant to, ZoneId zone) {
    public Scope(String twinId, Instant from, Instant to) {
      this(twinId, from, to, null);
    }
  }

  /**
   * As {@link #query(String, List)}, for a query whose rows all lie in {@code scope}: a runner may read
   * only the data files of the tables that can hold such rows. The answer must be the same.
   */
  default QueryResult query(String sql, List<Object> params, Scope scope) {
    return query(sql, params);
  }
}
