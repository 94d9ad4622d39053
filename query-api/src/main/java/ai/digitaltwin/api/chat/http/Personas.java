package ai.digitaltwin.api.chat.http;

import ai.digitaltwin.api.chat.BigFive;
import ai.digitaltwin.api.chat.TwinPersona;
import ai.digitaltwin.api.history.IcebergViews;
import ai.digitaltwin.api.history.QueryResult;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.schemas.Tables;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who the twin is when a message arrives: name, age, occupation and time zone from its registry row
 * (including this API's not yet committed edits), traits and mood from its newest state. The state's
 * traits win over the registry's because they include the drift the stream job applied; a twin with no
 * state yet speaks with its registry traits and no mood.
 */
final class Personas {
  static final String LATEST_STATE =
      "SELECT ts, mood, mood_score, openness, conscientiousness, extraversion, agreeableness, neuroticism FROM "
          + Tables.TWIN_STATE + " WHERE twin_id = ? ORDER BY ts DESC, readings DESC LIMIT 1";

  /** A twin's newest state row as of one snapshot of {@code twin_state}. */
  private record Latest(long snapshotId, Map<String, Object> state) {}

  private final TwinHistory history;
  private final Clock clock;
  /**
   * The newest state per twin, kept while the {@code twin_state} view shows the same snapshot: the
   * query's answer can only change with a new commit, and this saves a query on every message.
   */
  private final Map<String, Latest> latest = new ConcurrentHashMap<>();

  Personas(TwinHistory history, Clock clock) {
    this.history = history;
    this.clock = clock;
  }

  /**
   * The persona, and the instant the twin's "now" is at: the later of the wall clock and the newest
   * state. They differ only for a simulation running faster than real time, whose data lies ahead of
   * the wall clock; there "right now" means the simulation's now, as on the dashboard.
   */
  record Speaker(TwinPersona persona, Instant now) {}

  Speaker of(Map<String, Object> registry) {
    String twinId = (String) registry.get("twin_id");
    Map<String, Object> state = latestState(twinId);
    BigFive traits = traits(state);
    if (traits == null) {
      traits = traits(registry);
    }
    Object mood = state.get("mood");
    double moodScore = state.get("mood_score") instanceof Number n ? clamp(n.doubleValue()) : 0.0;
    TwinPersona persona =
        new TwinPersona(
            twinId,
            (String) registry.get("name"),
            registry.get("age") instanceof Number age ? age.intValue() : null,
            (String) registry.get("occupation"),
            traits,
            mood == null ? null : mood.toString(),
            moodScore,
            zone(registry.get("timezone")));
    Instant now = clock.instant();
    if (state.get("ts") instanceof String ts && Instant.parse(ts).isAfter(now)) {
      now = Instant.parse(ts);
    }
    return new Speaker(persona, now);
  }

  /**
   * The twin's newest state, or an empty map. The snapshot is read before the query: a view replaced in
   * between gives newer rows under the older id, which the next message simply reads again.
   */
  private Map<String, Object> latestState(String twinId) {
    long snapshotId =
        history.views().state(Tables.TWIN_STATE).map(IcebergViews.ViewState::snapshotId).orElse(Long.MIN_VALUE);
    Latest known = latest.get(twinId);
    if (known != null && known.snapshotId() == snapshotId) {
      return known.state();
    }
    QueryResult rows = history.query(LATEST_STATE, List.of(twinId));
    Map<String, Object> state = rows.isEmpty() ? Map.of() : rows.asMaps().get(0);
    latest.put(twinId, new Latest(snapshotId, state));
    return state;
  }

  /** The five traits of a row, or null when any is missing. */
  static BigFive traits(Map<String, Object> row) {
    double[] v = new double[5];
    String[] names = {"openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism"};
    for (int i = 0; i < names.length; i++) {
      if (!(row.get(names[i]) instanceof Number n)) {
        return null;
      }
      v[i] = Math.max(0, Math.min(1, n.doubleValue()));
    }
    return new BigFive(v[0], v[1], v[2], v[3], v[4]);
  }

  private static ZoneId zone(Object name) {
    if (name instanceof String id && !id.isBlank()) {
      try {
        return ZoneId.of(id);
      } catch (DateTimeException e) {
        return ZoneOffset.UTC; // validated on write; an old row with a zone this JVM lacks speaks in UTC
      }
    }
    return ZoneOffset.UTC;
  }

  private static double clamp(double score) {
    return Math.max(-1, Math.min(1, score));
  }
}
