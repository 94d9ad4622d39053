package ai.digitaltwin.api.twin;

import ai.digitaltwin.api.auth.Principal;
import ai.digitaltwin.api.error.ApiException;
import ai.digitaltwin.api.error.NoSuchTwinException;
import ai.digitaltwin.api.history.QueryResult;
import ai.digitaltwin.api.history.Row;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.schemas.Tables;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads twins from history: the registry (plus this API's not yet committed edits) for who they are,
 * state and readings for how they are; and decides who may see or change which twin.
 */
public final class TwinService {
  /**
   * The status of a twin the stream job has sent no state of yet: it folds readings in event-time order,
   * so its first state waits for the watermark to pass them, and reaches history at the next commit.
   */
  public static final String WARMING_UP = "warming_up";

  /** Latest registry row per twin; a deleted twin is gone from the list but its history stays. */
  static final String CURRENT_REGISTRY =
      "SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY twin_id ORDER BY ts DESC, event_id DESC) AS rn"
          + " FROM " + RecentRegistry.LIVE_VIEW + ") WHERE rn = 1";

  static final String FILTERS =
      " WHERE r.action <> 'deleted' AND (CAST(? AS VARCHAR) IS NULL OR r.owner = ?)"
          + " AND (CAST(? AS VARCHAR) IS NULL OR contains(lower(r.name), ?) OR contains(lower(r.occupation), ?))"
          + " AND (CAST(? AS VARCHAR) IS NULL OR lower(r.occupation) = ?)";

  static final String LIST =
      "SELECT r.twin_id, r.name, r.age, r.sex, r.occupation, r.timezone, r.owner,"
          + " s.ts AS state_at, s.activity, s.mood, coalesce(s.status, '" + WARMING_UP + "') AS status, s.readings"
          + " FROM (" + CURRENT_REGISTRY + ") r"
          + " LEFT JOIN (SELECT * FROM (SELECT twin_id, ts, activity, mood, status, readings,"
          + "   row_number() OVER (PARTITION BY twin_id ORDER BY ts DESC, readings DESC) AS rn"
          + " FROM " + Tables.TWIN_STATE + ")"
          + "   WHERE rn = 1) s USING (twin_id)"
          + FILTERS + " ORDER BY r.twin_id LIMIT ? OFFSET ?";

  static final String COUNT = "SELECT count(*) FROM (" + CURRENT_REGISTRY + ") r" + FILTERS;

  /** Over {@code %1$s}: the twin's files of twin_state; {@code %2$s} a further condition on ts. */
  static final String LATEST_STATE =
      "SELECT * FROM %1$s WHERE twin_id = ? %2$s ORDER BY ts DESC, readings DESC LIMIT ?";

  /** Over {@code %1$s}: the twin's files of health_events; {@code %2$s} a further condition on ts. */
  static final String LATEST_READINGS =
      "SELECT " + Reading.COLUMNS + " FROM %1$s WHERE twin_id = ? %2$s ORDER BY ts DESC LIMIT ?";

  /**
   * How far back from the newest {@code ts} bound of a twin's files its newest rows are looked for first:
   * a twin that reports holds them in its last day, so the lookup reads that day's files, not all of them.
   */
  static final Duration RECENT = Duration.ofDays(1);

  private final TwinHistory history;
  private final TwinCache cache;

  /** {@code recent}: this API's twin edits not yet committed, which every registry read includes. */
  public TwinService(TwinHistory history, RecentRegistry recent) {
    this.history = history;
    this.cache = new TwinCache(history, recent::edits);
  }

  /** The body of {@code GET /twins}. */
  public record Page(List<TwinSummary> items, long total, int limit, int offset) {}

  /** Filters of the list; null means no filter. */
  public record ListFilter(String owner, String query, String occupation) {}

  public Page list(ListFilter filter, int limit, int offset) {
    List<Object> params = filterParams(filter);
    List<Object> listParams = new ArrayList<>(params);
    listParams.add(limit);
    listParams.add(offset);
    List<TwinSummary> items = history.query(LIST, listParams).map(TwinSummary.class).stream()
        // the time of the newest reading, not of the newest state: states come at the snapshot cadence
        .map(t -> t.withLastEvent(newestReading(t.twinId()).map(Reading::ts).orElse(null)))
        .toList();
    long total = ((Number) history.query(COUNT, params).rows().get(0).get(0)).longValue();
    return new Page(items, total, limit, offset);
  }

  private static List<Object> filterParams(ListFilter f) {
    String q = f.query() == null ? null : f.query().toLowerCase(java.util.Locale.ROOT);
    String occupation = f.occupation() == null ? null : f.occupation().toLowerCase(java.util.Locale.ROOT);
    List<Object> params = new ArrayList<>();
    params.add(f.owner());
    params.add(f.owner());
    params.add(q);
    params.add(q);
    params.add(q);
    params.add(occupation);
    params.add(occupation);
    return params;
  }

  /**
   * The twin's current registry row when the caller may read it: 404 if unknown, 403 if not theirs. Asked
   * by {@link TwinGate} before each route, not by controllers.
   */
  RegistryRow readable(String twinId, Principal caller) {
    RegistryRow registry = registry(twinId);
    String owner = registry.owner();
    if (!caller.canRead(owner)) {
      // the generator's demo twins have no owner: they belong to nobody, and only the roles that read
      // every twin see them
      throw new ApiException(403, "forbidden", owner == null
          ? "Twin " + twinId + " is a demo twin: role user reads only its own twins; analysts and admins read every twin"
          : "Twin " + twinId + " belongs to another user", null);
    }
    return registry;
  }

  /**
   * As {@link #readable}, for the twin itself: a deleted twin has no profile left to show (its registry
   * row says only "deleted"), so it is a 404 that says so; its history stays readable.
   */
  RegistryRow current(String twinId, Principal caller) {
    RegistryRow registry = readable(twinId, caller);
    if (registry.deleted()) {
      throw new ApiException(404, "not_found",
          "Twin " + twinId + " was deleted; its history stays readable (health, state, export)", null);
    }
    return registry;
  }

  /** As {@link #readable}, for a change: owner or admin only, and not on a deleted twin (409). */
  RegistryRow writable(String twinId, Principal caller) {
    RegistryRow registry = readable(twinId, caller);
    if (!caller.canWrite(registry.owner())) {
      throw new ApiException(403, "forbidden", "Only the owner or an admin may change twin " + twinId, null);
    }
    if (registry.deleted()) {
      throw new ApiException(409, "conflict", "Twin " + twinId + " is deleted", null);
    }
    return registry;
  }

  /** Profile, personality and current state of one twin (whose current registry row is given). */
  public Twin get(RegistryRow registry) {
    return cache.twin(registry.twinId(), id -> compute(registry(id)));
  }

  private Twin compute(RegistryRow registry) {
    String twinId = registry.twinId();
    Optional<StateRow> state = newestState(twinId);
    boolean drifted = state.map(s -> s.traits().known()).orElse(false);
    Optional<Reading> newest = readings(twinId, 1).stream().findFirst();
    return new Twin(
        twinId,
        registry.deleted(),
        registry.owner(),
        registry.ts(),
        registry.profile(),
        drifted ? state.get().traits() : registry.traits(),
        drifted ? "state" : "registry",
        state.map(StateRow::status).orElse(WARMING_UP),
        state.<CurrentState>map(s -> s).orElseGet(() -> CurrentState.WarmingUp.of(newest.orElse(null))),
        newest.map(Reading::ts).orElse(null));
  }

  private Optional<Reading> newestReading(String twinId) {
    return cache.newestReading(twinId, id -> readings(id, 1).stream().findFirst());
  }

  /** Latest readings, newest first, and the status rules applied to the newest. */
  public TwinHealth health(String twinId, int limit) {
    return health(twinId, limit, null);
  }

  /**
   * As {@link #health(String, int)}; with {@code asOf} (null:
   * now) the latest at or before that instant, as time travel shows the twin then.
   */
  public TwinHealth health(String twinId, int limit, Instant asOf) {
    return TwinHealth.of(twinId, asOf == null ? readings(twinId, limit) : readingsUntil(twinId, limit, asOf));
  }

  /** The twin's current registry row (deleted twins too); 404 for a twin never registered. */
  public RegistryRow registry(String twinId) {
    RegistryRow row = cache.registry(this::currentRegistry).get(twinId);
    if (row == null) {
      throw new NoSuchTwinException(twinId);
    }
    return row;
  }

  private Map<String, RegistryRow> currentRegistry() {
    Map<String, RegistryRow> rows = new LinkedHashMap<>();
    for (RegistryRow row : history.query(CURRENT_REGISTRY, List.of()).map(RegistryRow.class)) {
      rows.put(row.twinId(), row);
    }
    return rows;
  }

  /**
   * The twin's newest {@code twin_state} row, empty while it has none: from memory until the next commit
   * of {@code twin_state}.
   */
  public Optional<StateRow> newestState(String twinId) {
    return cache.state(twinId, id -> newest(Tables.TWIN_STATE, LATEST_STATE, id, 1, row -> row.as(StateRow.class)).stream().findFirst());
  }

  private List<Reading> readings(String twinId, int limit) {
    return newest(Tables.HEALTH_EVENTS, LATEST_READINGS, twinId, limit, Reading::of);
  }

  /** As {@link #newest}, for the rows at or before {@code asOf}: first from its last day's files. */
  private List<Reading> readingsUntil(String twinId, int limit, Instant asOf) {
    Instant from = asOf.minus(RECENT);
    Instant to = asOf.plusMillis(1);
    List<Reading> rows = history.query(
        LATEST_READINGS.formatted(history.relation(Tables.HEALTH_EVENTS, twinId, from, to), "AND ts >= ? AND ts < ?"),
        List.of(twinId, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), limit)).map(Reading::of);
    if (rows.size() == limit) {
      return rows;
    }
    return history.query(
        LATEST_READINGS.formatted(history.relation(Tables.HEALTH_EVENTS, twinId, null, to), "AND ts < ?"),
        List.of(twinId, to.atOffset(ZoneOffset.UTC), limit)).map(Reading::of);
  }

  /**
   * The twin's newest {@code limit} rows of {@code table} by {@code sql}: first those since {@link #RECENT}
   * before the newest bound of its files, read from the files that reach that far; when there are fewer
   * than {@code limit} of them, from all its files. Every row left out of the first read is older than
   * every row it returns, so both reads give the same rows.
   */
  private <T> List<T> newest(String table, String sql, String twinId, int limit, Function<Row, T> read) {
    Optional<Instant> newest = history.views().newest(table, twinId);
    if (newest.isPresent()) {
      Instant from = newest.get().minus(RECENT);
      QueryResult rows = history.query(
          sql.formatted(history.relation(table, twinId, from, null), "AND ts >= ?"),
          List.of(twinId, from.atOffset(ZoneOffset.UTC), limit));
      if (rows.rows().size() == limit) {
        return rows.map(read);
      }
    }
    return history.query(sql.formatted(history.relation(table, twinId, null, null), ""), List.of(twinId, limit)).map(read);
  }
}
