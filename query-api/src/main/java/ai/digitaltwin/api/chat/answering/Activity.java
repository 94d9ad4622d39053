package ai.digitaltwin.api.chat.answering;

import ai.digitaltwin.api.chat.understanding.Calendar;
import ai.digitaltwin.api.chat.understanding.Spans;
import ai.digitaltwin.api.chat.understanding.TimeRange;
import ai.digitaltwin.api.chat.understanding.Timeframe;
import ai.digitaltwin.api.chat.voice.Answer;
import ai.digitaltwin.api.chat.voice.Format;
import ai.digitaltwin.api.history.QueryResult;
import ai.digitaltwin.schemas.Tables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * ACTIVITY: steps over a period (health readings carry steps since the previous reading), where the time
 * went (behaviour events, each lasting until the next), and what the twin is or was doing at a moment.
 */
final class Activity {
  static final Duration MOMENT_LOOKBACK = Duration.ofHours(24);
  static final int TOP = 3;

  private static final String STEPS =
      "SELECT CAST(coalesce(sum(steps), 0) AS BIGINT) AS steps, count(*) AS readings FROM "
          + Tables.HEALTH_EVENTS + " WHERE twin_id = ? AND ts >= ? AND ts < ?";
  private static final String TIME_SPENT =
      """
      WITH b AS (
        SELECT ts, activity, lead(ts) OVER (ORDER BY ts) AS next_ts
        FROM %s
        WHERE twin_id = ? AND ts >= ? AND ts < ?)
      SELECT activity, round(sum(date_diff('second', ts, coalesce(next_ts, ?))) / 3600.0, 1) AS hours
      FROM b GROUP BY activity ORDER BY hours DESC, activity LIMIT %d
      """
          .formatted(Tables.BEHAVIOR_EVENTS, TOP);
  private static final String AT =
      "SELECT ts, activity FROM " + Tables.BEHAVIOR_EVENTS
          + " WHERE twin_id = ? AND ts <= ? AND ts > ? ORDER BY ts DESC LIMIT 1";

  private Activity() {}

  static Answer answer(Context ctx) {
    Timeframe time = ctx.question().time();
    if (time.moment()) {
      Answer at = at(ctx, time.range().moment(), "activity.at");
      return at.facts().isEmpty()
          ? Answer.of(Answer.Assessment.NO_DATA, ctx.phrases().get("activity.none", Context.range(time.range())))
          : at;
    }
    Calendar calendar = new Calendar(ctx.now(), ctx.zone());
    TimeRange today = Spans.current("day", calendar).orElse(TimeRange.of(ctx.now().minus(Duration.ofDays(1)), ctx.now(), "in the last day"));
    TimeRange range = ctx.rangeOr(today);
    List<String> facts = new ArrayList<>();
    if (!time.named()) {
      Answer now = at(ctx, ctx.now(), "activity.now");
      facts.addAll(now.facts());
    }
    QueryResult steps = ctx.db().within(range.start(), range.end(), STEPS, ctx.db().twinId(), range.start(), range.end());
    boolean anySteps = Format.toLong(steps.value(0, "readings")) > 0;
    if (anySteps) {
      facts.add(ctx.phrases().get("activity.steps", Context.range(range, "steps", Format.number(steps.value(0, "steps")))));
    }
    QueryResult spent = ctx.db().within(range.start(), range.end(), TIME_SPENT, ctx.db().twinId(), range.start(), range.end(), range.end());
    if (!spent.isEmpty()) {
      List<String> items = new ArrayList<>();
      for (int i = 0; i < spent.rows().size(); i++) {
        items.add(ctx.phrases().get("activity.item", Context.values(
            "activity", doing(ctx, (String) spent.value(i, "activity")),
            "hours", Format.number(spent.value(i, "hours")))));
      }
      facts.add(ctx.phrases().get("activity.top", Context.values("list", Vitals.list(items))));
    }
    if (facts.isEmpty()) {
      return Answer.of(Answer.Assessment.NO_DATA, ctx.phrases().get("activity.none", Context.range(range)));
    }
    return new Answer(facts, Answer.Assessment.INFO);
  }

  private static Answer at(Context ctx, Instant moment, String phrase) {
    QueryResult rows = ctx.db().within(moment.minus(MOMENT_LOOKBACK), moment, AT, ctx.db().twinId(), moment, moment.minus(MOMENT_LOOKBACK));
    if (rows.isEmpty()) {
      return new Answer(List.of(), Answer.Assessment.NO_DATA);
    }
    String activity = doing(ctx, (String) rows.value(0, "activity"));
    String when = phrase.equals("activity.at") ? Format.time(moment, ctx.now(), ctx.zone()) : ctx.time(rows.value(0, "ts"));
    return Answer.of(Answer.Assessment.INFO, ctx.phrases().get(phrase, Context.values("activity", activity, "time", when)));
  }

  static String doing(Context ctx, String activity) {
    return ctx.phrases().getOrDefault("activity." + activity, activity.replace('_', ' '));
  }
}
