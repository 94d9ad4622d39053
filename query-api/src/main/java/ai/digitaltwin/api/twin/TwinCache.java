package ai.digitaltwin.api.twin;

import ai.digitaltwin.api.history.IcebergViews;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.schemas.Tables;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Answers about current twins kept in memory for as long as what they were computed from is unchanged:
 * the snapshots the views show of the tables read, and the API's own not yet committed twin edits (the
 * registry overlay). Every twin endpoint first looks up the twin's registry row, {@code GET /twins/{id}}
 * asks the same three questions between two commits, and every chat message needs the twin's newest
 * state; this answers them from memory and asks DuckDB again only after a commit of a table the answer
 * read or an edit, so it returns exactly what DuckDB would, including this API's own edits the moment
 * they are made. Concurrent askers of a stale answer wait for one of them to recompute it.
 */
final class TwinCache {
  /** What an answer was computed from: snapshot ids of the tables read and the count of own edits. */
  record Version(long registry, long state, long health, long edits) {}

  private record Cached<T>(Version version, T value) {}

  private static final BiPredicate<Version, Version> SAME_REGISTRY =
      (a, b) -> a.registry() == b.registry() && a.edits() == b.edits();
  private static final BiPredicate<Version, Version> SAME_STATE = (a, b) -> a.state() == b.state();
  private static final BiPredicate<Version, Version> SAME_HEALTH = (a, b) -> a.health() == b.health();

  private final TwinHistory history;
  private final LongSupplier edits;
  private final Object registryLock = new Object();
  private volatile Cached<Map<String, RegistryRow>> registry;
  private final Map<String, Cached<Twin>> twins = new ConcurrentHashMap<>();
  private final Map<String, Cached<Optional<StateRow>>> states = new ConcurrentHashMap<>();
  private final Map<String, Cached<Optional<Reading>>> newestReadings = new ConcurrentHashMap<>();
  private final Map<String, Object> twinLocks = new ConcurrentHashMap<>();

  /** {@code edits}: how many twin edits went into the registry overlay so far. */
  TwinCache(TwinHistory history, LongSupplier edits) {
    this.history = history;
    this.edits = edits;
  }

  /** The current registry rows by twin id, recomputed by {@code load} when the registry changed. */
  Map<String, RegistryRow> registry(Supplier<Map<String, RegistryRow>> load) {
    Cached<Map<String, RegistryRow>> cached = registry;
    if (cached != null && SAME_REGISTRY.test(cached.version(), version())) {
      return cached.value();
    }
    synchronized (registryLock) {
      cached = registry;
      Version now = version();
      if (cached != null && SAME_REGISTRY.test(cached.version(), now)) {
        return cached.value();
      }
      registry = new Cached<>(now, Collections.unmodifiableMap(new LinkedHashMap<>(load.get())));
      return registry.value();
    }
  }

  /** One twin's answer over registry, state and readings, recomputed by {@code load} when one changed. */
  Twin twin(String twinId, Function<String, Twin> load) {
    return perTwin(twins, twinId, Version::equals, load);
  }

  /**
   * One twin's newest state row (empty when it has none), recomputed by {@code load} only after a commit
   * of {@code twin_state}: readings and edits do not change it.
   */
  Optional<StateRow> state(String twinId, Function<String, Optional<StateRow>> load) {
    return perTwin(states, twinId, SAME_STATE, load);
  }

  /**
   * One twin's newest reading (empty when it has none), recomputed by {@code load} only after a commit of
   * {@code health_events}: what the list shows as each twin's last event.
   */
  Optional<Reading> newestReading(String twinId, Function<String, Optional<Reading>> load) {
    return perTwin(newestReadings, twinId, SAME_HEALTH, load);
  }

  /** The answers are records, immutable: the cached value itself is handed out. */
  private <T> T perTwin(
      Map<String, Cached<T>> answers, String twinId, BiPredicate<Version, Version> same, Function<String, T> load) {
    Cached<T> cached = answers.get(twinId);
    if (cached != null && same.test(cached.version(), version())) {
      return cached.value();
    }
    // one lock per twin for both kinds of answer: computing the twin reads its state through here
    synchronized (twinLocks.computeIfAbsent(twinId, k -> new Object())) {
      Version now = version();
      cached = answers.get(twinId);
      if (cached != null && same.test(cached.version(), now)) {
        return cached.value();
      }
      T value = load.apply(twinId);
      answers.put(twinId, new Cached<>(now, value));
      return value;
    }
  }

  /** Read before the queries run: a change during them makes the next asker recompute. */
  private Version version() {
    return new Version(
        snapshot(Tables.TWIN_REGISTRY), snapshot(Tables.TWIN_STATE), snapshot(Tables.HEALTH_EVENTS),
        edits.getAsLong());
  }

  private long snapshot(String table) {
    return history.views().state(table).map(IcebergViews.ViewState::snapshotId).orElse(-2L);
  }
}
