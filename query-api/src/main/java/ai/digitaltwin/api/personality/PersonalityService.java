package ai.digitaltwin.api.personality;

import ai.digitaltwin.api.history.QueryResult;
import ai.digitaltwin.api.history.Row;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.http.Window;
import ai.digitaltwin.api.twin.RecentRegistry;
import ai.digitaltwin.api.twin.Traits;
import ai.digitaltwin.api.twin.TwinService;
import ai.digitaltwin.schemas.Tables;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * A twin's Big Five now and how they drifted: the baseline is the personality it was created with, the
 * drift is the stream job's traits per day (last value of the day) with the causes it recorded, and
 * edits are the registry updates with their reasons. Until the stream job has sent a state of the twin
 * in the window, {@code current} is the registry's and the answer says {@code warming_up}.
 */
public final class PersonalityService {
  static final String EDITS =
      "SELECT ts, action, reason, openness, conscientiousness, extraversion, agreeableness, neuroticism"
          + " FROM " + RecentRegistry.LIVE_VIEW
          + " WHERE twin_id = ? AND action IN ('created', 'updated') ORDER BY ts, event_id";

  static final String DAILY =
      "SELECT date_trunc('day', ts) AS day, arg_max(openness, ts) AS openness,"
          + " arg_max(conscientiousness, ts) AS conscientiousness, arg_max(extraversion, ts) AS extraversion,"
          + " arg_max(agreeableness, ts) AS agreeableness, arg_max(neuroticism, ts) AS neuroticism,"
          + " list(DISTINCT drift_cause ORDER BY drift_cause) FILTER (WHERE drift_cause IS NOT NULL) AS causes"
          + " FROM " + Tables.TWIN_STATE + " WHERE twin_id = ? AND openness IS NOT NULL AND ts >= ? AND ts < ?"
          + " GROUP BY 1 ORDER BY 1";

  private final TwinHistory history;

  public PersonalityService(TwinHistory history) {
    this.history = history;
  }

  /**
   * The body of {@code GET /twins/{id}/personality}: the traits now, at creation and their difference
   * (null without both), each day's traits in the window with their causes, and every edit.
   */
  public record Drift(
      String twinId,
      String status,
      String currentFrom,
      Traits baseline,
      Traits current,
      Traits driftFromBaseline,
      List<Day> drift,
      List<Edit> edits) {}

  /** A day's last traits (a UTC day, as ISO-8601 text of its start) and what moved them that day. */
  public record Day(String day, Traits traits, Traits deltaFromBaseline, List<String> causes) {}

  /** A registry edit of the traits (created or updated), with its reason; the traits flat, as in the table. */
  public record Edit(String ts, String action, String reason, @JsonUnwrapped Traits traits) {
    static Edit of(Row row) {
      return new Edit(row.text("ts"), row.text("action"), row.text("reason"), row.as(Traits.class));
    }
  }

  public Drift personality(String twinId, Window window) {
    List<Edit> edits = history.query(EDITS, List.of(twinId)).map(Edit::of);
    QueryResult daily = history.query(DAILY, List.of(twinId, window.fromParam(), window.toParam()));
    Traits baseline = edits.isEmpty() ? null : edits.get(0).traits();
    List<Day> drift = daily.map(day -> new Day(
        day.text("day"),
        day.as(Traits.class),
        baseline == null ? null : delta(day.as(Traits.class), baseline),
        day.value("causes") == null ? List.of() : day.texts("causes")));
    Traits current = !drift.isEmpty()
        ? drift.get(drift.size() - 1).traits()
        : edits.isEmpty() ? null : edits.get(edits.size() - 1).traits();
    // before the stream job's first state (in the window) the current traits are the registry's: say so
    return new Drift(
        twinId,
        drift.isEmpty() ? TwinService.WARMING_UP : "tracked",
        drift.isEmpty() ? "registry" : "state",
        baseline,
        current,
        current == null || baseline == null ? null : delta(current, baseline),
        drift,
        edits);
  }

  /** Each trait's change from {@code then} to {@code now}, to four decimals; null where either is unknown. */
  static Traits delta(Traits now, Traits then) {
    return new Traits(
        minus(now.openness(), then.openness()),
        minus(now.conscientiousness(), then.conscientiousness()),
        minus(now.extraversion(), then.extraversion()),
        minus(now.agreeableness(), then.agreeableness()),
        minus(now.neuroticism(), then.neuroticism()));
  }

  private static Double minus(Double a, Double b) {
    return a == null || b == null ? null : Math.round((a - b) * 10_000) / 10_000.0;
  }
}
