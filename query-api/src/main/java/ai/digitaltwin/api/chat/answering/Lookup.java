package ai.digitaltwin.api.chat.answering;

import ai.digitaltwin.api.history.QueryResult;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queries of one reply: runs each through the {@link SqlRunner} and keeps it, with its rows, as
 * evidence. Instants become UTC {@link OffsetDateTime}s, the JDBC type of TIMESTAMP WITH TIME ZONE.
 */
public final class Lookup {
  private static final Logger LOG = LoggerFactory.getLogger(Lookup.class);

  private final SqlRunner runner;
  private final String twinId;
  private final List<Evidence> evidence = new ArrayList<>();

  public Lookup(SqlRunner runner, String twinId) {
    this.runner = runner;
    this.twinId = twinId;
  }

  String twinId() {
    return twinId;
  }

  /**
   * Runs {@code sql} with {@code values} for its {@code ?} placeholders in order. One of them must be
   * this twin's id: every query of the chat is about one twin only.
   */
  QueryResult query(String sql, Object... values) {
    return run(null, sql, values);
  }

  /**
   * As {@link #query(String, Object...)}, for a query that reads only rows with {@code from <= ts <=
   * through} (from null: open): the runner may skip the files of other times. The evidence keeps the
   * SQL as written, over the tables.
   */
  QueryResult within(Instant from, Instant through, String sql, Object... values) {
    return run(new SqlRunner.Scope(twinId, from, through.plus(1, ChronoUnit.MICROS)), sql, values);
  }

  /**
   * As {@link #within}, for a query that also reads {@link SqlRunner#DAILY_FIGURES}, whose days are the
   * local days of {@code zone}; {@code from} and {@code through} bound both the readings and the days read.
   */
  QueryResult withinDays(Instant from, Instant through, ZoneId zone, String sql, Object... values) {
    return run(new SqlRunner.Scope(twinId, from, through.plus(1, ChronoUnit.MICROS), zone), sql, values);
  }

  private QueryResult run(SqlRunner.Scope scope, String sql, Object... values) {
    if (!Arrays.asList(values).contains(twinId)) {
      throw new IllegalStateException("Query does not filter by the twin id: " + sql);
    }
    List<Object> params = new ArrayList<>(values.length);
    for (Object value : values) {
      params.add(value instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : value);
    }
    String text = sql.strip();
    long start = System.nanoTime();
    QueryResult result = scope == null ? runner.query(text, List.copyOf(params)) : runner.query(text, List.copyOf(params), scope);
    if (LOG.isDebugEnabled()) {
      LOG.debug("query {} µs, {} rows: {}", (System.nanoTime() - start) / 1000, result.rows().size(),
          text.length() > 200 ? text.substring(0, 200) + "..." : text);
    }
    evidence.add(new Evidence(text, params, result.asMaps()));
    return result;
  }

  /** Every query run so far, in order, with its rows; those before a failing one too. */
  public List<Evidence> evidence() {
    return List.copyOf(evidence);
  }
}
