package ai.digitaltwin.api.twin;

import ai.digitaltwin.api.history.IcebergViews;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.schemas.Tables;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers about current twins kept in memory for as long as what they were computed from is unchanged:
 * the snapshots the views show of the tables read, and the API's own not yet committed writes (the
 * registry overlay). Every twin endpoint first looks up the twin's registry row, and {@code GET
 * /twins/{id}} asks the same three questions between two commits; this answers them from memory and
 * asks DuckDB again only after a commit or an edit, so it returns exactly what DuckDB would, including
 * this API's own edits the moment they are made. Concurrent askers of a stale answer wait for one of
 * them to recompute it.
 */
final class TwinCache {
  /** What an answer was computed from: snapshot ids of the tables read and the count of own writes. */
  record Version(long registry, long state, long health, long writes) {}

  private record Cached<T>(Version version, T value) {}

  private final TwinHistory history;
  private final Object registryLock = new Object();
  private volatile Cached<Map<String, Map<String, Object>>> registry;
  private final Map<String, Cached<Map<String, Object>>> twins = new ConcurrentHashMap<>();
  private final Map<String, Object> twinLocks = new ConcurrentHashMap<>();

  TwinCache(TwinHistory history) {
    this.history = history;
  }

  /** The current registry rows by twin id, recomputed by {@code load} when the registry changed. */
  Map<String, Map<String, Object>> registry(Supplier<Map<String, Map<String, Object>>> load) {
    Version now = version();
    Cached<Map<String, Map<String, Object>>> cached = registry;
    if (cached != null && sameRegistry(cached.version(), now)) {
      return cached.value();
    }
    synchronized (registryLock) {
      cached = registry;
      now = version();
      if (cached != null && sameRegistry(cached.version(), now)) {
        return cached.value();
      }
      Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
      load.get().forEach((id, row) -> rows.put(id, Collections.unmodifiableMap(row)));
      registry = new Cached<>(now, Collections.unmodifiableMap(rows));
      return registry.value();
    }
  }

  /** One twin's answer over registry, state and readings, recomputed by {@code load} when one changed. */
  Map<String, Object> twin(String twinId, Function<String, Map<String, Object>> load) {
    Cached<Map<String, Object>> cached = twins.get(twinId);
    if (cached != null && cached.version().equals(version())) {
      return cached.value();
    }
    synchronized (twinLocks.computeIfAbsent(twinId, k -> new Object())) {
      Version now = version();
      cached = twins.get(twinId);
      if (cached != null && cached.version().equals(now)) {
        return cached.value();
      }
      Map<String, Object> value = Collections.unmodifiableMap(load.apply(twinId));
      twins.put(twinId, new Cached<>(now, value));
      return value;
    }
  }

  private static boolean sameRegistry(Version a, Version b) {
    return a.registry() == b.registry() && a.writes() == b.writes();
  }

  /** Read before the queries run: a change during them makes the next asker recompute. */
  private Version version() {
    return new Version(
        snapshot(Tables.TWIN_REGISTRY), snapshot(Tables.TWIN_STATE), snapshot(Tables.HEALTH_EVENTS), history.writes());
  }

  private long snapshot(String table) {
    return history.views().state(table).map(IcebergViews.ViewState::snapshotId).orElse(-2L);
  }
}
