package ai.digitaltwin.api.history;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import com.fasterxml.jackson.core.JsonGenerator;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twin history through DuckDB: one in-memory database whose views follow the Iceberg tables, and one
 * duplicated connection per thread (DuckDB connections are not thread-safe; duplicates share the
 * database). Each query uses its own statement, since a failed statement is closed by the driver.
 */
public final class TwinHistory implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TwinHistory.class);
  private static final int STATEMENTS_PER_THREAD = 64;

  /** Told of every query and of every view refresh (the API's metrics listen here). */
  public interface Listener {
    Listener NONE = new Listener() {};

    default void queried(boolean ok, Duration elapsed) {}

    default void refreshed(List<String> tables) {}
  }

  private final DuckDBConnection root;
  private final IcebergViews views;
  private final Duration queryTimeout;
  private final Listener listener;
  private final List<Connection> opened = new CopyOnWriteArrayList<>();
  private final ThreadLocal<Connection> perThread;
  private final ThreadLocal<StatementCache> statements;
  /** Counts view replacements; prepared statements are kept only within one version. */
  private final AtomicLong viewsVersion = new AtomicLong();
  private final ScheduledExecutorService refresher;

  private TwinHistory(DuckDBConnection root, IcebergViews views, Duration queryTimeout, Listener listener) {
    this.root = root;
    this.views = views;
    this.queryTimeout = queryTimeout;
    this.listener = listener;
    this.perThread = ThreadLocal.withInitial(this::duplicate);
    this.statements = ThreadLocal.withInitial(() -> new StatementCache(perThread.get(), STATEMENTS_PER_THREAD));
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "iceberg-view-refresher");
              t.setDaemon(true);
              return t;
            });
  }

  /** Opens DuckDB, creates the views once, then refreshes them every {@code poll}. */
  public static TwinHistory open(IcebergViews views, Duration queryTimeout, Duration poll) {
    return open(views, queryTimeout, poll, Listener.NONE, List.of());
  }

  /**
   * As {@link #open(IcebergViews, Duration, Duration)}, then runs {@code afterViews} on the root
   * connection once the views exist: extra tables and views, or the lockdown of a sandbox.
   */
  public static TwinHistory open(
      IcebergViews views, Duration queryTimeout, Duration poll, Listener listener, List<String> afterViews) {
    try {
      DuckDBConnection root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
      try (var s = root.createStatement()) {
        // nothing may be downloaded at run time: DuckDB's extensions are not reachable offline
        s.execute("SET autoinstall_known_extensions = false");
        s.execute("SET autoload_known_extensions = false");
        s.execute("SET TimeZone = 'UTC'");
        // data files are immutable: their footers (schema, row-group statistics) are parsed once
        s.execute("SET parquet_metadata_cache = true");
      }
      TwinHistory history = new TwinHistory(root, views, queryTimeout, listener);
      listener.refreshed(views.refresh(root));
      try (var s = root.createStatement()) {
        for (String statement : afterViews) {
          s.execute(statement);
        }
      }
      history.refresher.scheduleWithFixedDelay(
          history::refreshQuietly, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
      return history;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open DuckDB: " + e.getMessage(), e);
    }
  }

  private void refreshQuietly() {
    try {
      List<String> changed = replaced(views.refresh(root));
      listener.refreshed(changed);
      if (!changed.isEmpty()) {
        LOG.debug("views refreshed: {}", changed);
      }
    } catch (RuntimeException e) {
      LOG.warn("view refresh failed: {}", e.toString());
    }
  }

  /** Forces the views up to date now (tests, and right after a known commit). */
  public List<String> refreshNow() {
    List<String> changed = replaced(views.refresh(root, true));
    listener.refreshed(changed);
    return changed;
  }

  private List<String> replaced(List<String> changed) {
    if (!changed.isEmpty()) {
      viewsVersion.incrementAndGet();
    }
    return changed;
  }

  /**
   * The rows of table {@code table} that may belong to {@code twinId} with {@code from <= ts < to}
   * (null: open), as a relation for a FROM clause: the view's snapshot read from only the files that
   * can match. The query must still filter on the twin and the window.
   */
  public String relation(String table, String twinId, java.time.Instant from, java.time.Instant to) {
    return views.relation(table, twinId, from, to);
  }

  public IcebergViews views() {
    return views;
  }

  private Connection duplicate() {
    try {
      Connection c = root.duplicate();
      opened.add(c);
      return c;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open a DuckDB connection: " + e.getMessage(), e);
    }
  }

  /** Runs one parameterised query on this thread's connection. */
  public QueryResult query(String sql, List<?> params) {
    return query(sql, params, Integer.MAX_VALUE);
  }

  public QueryResult query(String sql, List<?> params, int maxRows) {
    return query(sql, params, maxRows, queryTimeout);
  }

  /** A query with its own timeout (whole seconds, at least one, as JDBC counts). */
  public QueryResult query(String sql, List<?> params, int maxRows, Duration timeout) {
    return run(sql, params, maxRows, timeout, true);
  }

  /**
   * As {@link #query(String, List)}, but with the values as JDBC returns them (timestamps as
   * {@link OffsetDateTime}, decimals as {@link BigDecimal}): for code that computes with them, such as
   * the chat, rather than writing them out as JSON.
   */
  public QueryResult queryJdbc(String sql, List<?> params) {
    return run(sql, params, Integer.MAX_VALUE, queryTimeout, false);
  }

  private QueryResult run(String sql, List<?> params, int maxRows, Duration timeout, boolean jsonValues) {
    long start = System.nanoTime();
    boolean ok = false;
    StatementCache cache = statements.get();
    try {
      PreparedStatement statement = cache.get(sql, viewsVersion.get());
      statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
      bind(statement, params);
      try (ResultSet rs = statement.executeQuery()) {
        QueryResult result = read(rs, maxRows, jsonValues);
        ok = true;
        return result;
      }
    } catch (SQLException e) {
      cache.drop(sql);
      throw new HistoryQueryException(e.getMessage(), e);
    } finally {
      listener.queried(ok, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /**
   * Runs one parameterised query and writes its rows to {@code out} as a JSON array of objects, each
   * value as {@link #jsonValue} makes it, without building the rows in memory first. Returns the number
   * of rows written, or -1 after {@code maxRows} rows when there were more (the array is then incomplete
   * and must not be sent).
   */
  public int writeJson(String sql, List<?> params, int maxRows, JsonGenerator out) {
    long start = System.nanoTime();
    boolean ok = false;
    StatementCache cache = statements.get();
    try {
      PreparedStatement statement = cache.get(sql, viewsVersion.get());
      statement.setQueryTimeout((int) Math.max(1, queryTimeout.toSeconds()));
      bind(statement, params);
      try (ResultSet rs = statement.executeQuery()) {
        int written = JsonRows.write(rs, maxRows, out);
        ok = true;
        return written;
      }
    } catch (SQLException e) {
      cache.drop(sql);
      throw new HistoryQueryException(e.getMessage(), e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      listener.queried(ok, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /** Runs one parameterised statement that returns no rows (the API's own small tables); row count. */
  public int update(String sql, List<?> params) {
    try (PreparedStatement statement = perThread.get().prepareStatement(sql)) {
      bind(statement, params);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new HistoryQueryException(e.getMessage(), e);
    }
  }


  private static void bind(PreparedStatement statement, List<?> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      statement.setObject(i + 1, params.get(i));
    }
  }

  static QueryResult read(ResultSet rs, int maxRows, boolean jsonValues) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int n = meta.getColumnCount();
    List<String> columns = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      columns.add(meta.getColumnLabel(i));
    }
    List<List<Object>> rows = new ArrayList<>();
    while (rows.size() < maxRows && rs.next()) {
      List<Object> row = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        Object value = rs.getObject(i);
        row.add(jsonValues ? jsonValue(value) : value);
      }
      rows.add(row);
    }
    return new QueryResult(columns, rows);
  }

  /** JDBC values as JSON-friendly ones: timestamps as ISO-8601 text, big numbers as plain numbers. */
  public static Object jsonValue(Object value) {
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant().toString();
    }
    if (value instanceof Timestamp ts) {
      return ts.toInstant().toString();
    }
    if (value instanceof BigInteger bi) {
      return bi.longValue();
    }
    if (value instanceof BigDecimal bd) {
      return bd.doubleValue();
    }
    if (value instanceof java.sql.Array array) {
      try {
        // a list may hold NULLs, which List.of refuses
        return java.util.Arrays.asList((Object[]) array.getArray());
      } catch (SQLException e) {
        return value.toString();
      }
    }
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number
        || value instanceof List<?>) {
      return value;
    }
    if (value instanceof byte[] bytes) {
      return java.util.Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof java.sql.Blob blob) {
      try {
        return java.util.Base64.getEncoder().encodeToString(blob.getBytes(1, (int) blob.length()));
      } catch (SQLException e) {
        return null;
      }
    }
    // dates, UUIDs, JSON, structs, maps, intervals...: their text, never an object Jackson cannot write
    return value.toString();
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    for (Connection c : opened) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
    try {
      root.close();
    } catch (SQLException ignored) {
      // closing anyway
    }
  }
}
