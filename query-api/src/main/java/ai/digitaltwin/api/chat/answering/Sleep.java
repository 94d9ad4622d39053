package ai.digitaltwin.api.chat.answering;

import ai.digitaltwin.api.chat.understanding.Calendar;
import ai.digitaltwin.api.chat.understanding.TimeParser;
import ai.digitaltwin.api.chat.understanding.TimeRange;
import ai.digitaltwin.api.chat.voice.Answer;
import ai.digitaltwin.api.chat.voice.Format;
import ai.digitaltwin.api.history.QueryResult;
import ai.digitaltwin.schemas.Tables;
import java.time.Duration;

/**
 * SLEEP from behaviour events: each event's activity lasts until the next event, so time asleep is the
 * sum of the gaps after events whose activity is sleep, and a sleep starts where the previous event was
 * not asleep. A sleep belongs to the period in which the twin woke up ("last night", "today", "this
 * week" are the nights that ended then); one still going on is not counted. Events up to {@link #PAD}
 * outside the range are read so that a sleep crossing its edges is seen whole.
 */
final class Sleep {
  static final Duration PAD = Duration.ofHours(12);
  /** Under this many hours per sleep the twin sounds concerned. */
  static final double SHORT_SLEEP_HOURS = 6.0;

  private static final String SQL =
      """
      WITH b AS (
        SELECT ts, activity,
               lag(activity) OVER (ORDER BY ts) AS prev_activity,
               lead(ts) OVER (ORDER BY ts) AS next_ts
        FROM %s
        WHERE twin_id = ? AND ts >= ? AND ts < ?),
      s AS (
        SELECT ts, next_ts,
               sum(CASE WHEN prev_activity IS DISTINCT FROM 'sleep' THEN 1 ELSE 0 END) OVER (ORDER BY ts) AS sleep_no
        FROM b WHERE activity = 'sleep' AND next_ts IS NOT NULL),
      sleeps AS (
        SELECT min(ts) AS fell_asleep, max(next_ts) AS woke_up, sum(date_diff('second', ts, next_ts)) AS seconds
        FROM s GROUP BY sleep_no)
      SELECT count(*) AS sleeps,
             round(sum(seconds) / 3600.0, 1) AS hours_asleep,
             round(sum(seconds) / 3600.0 / nullif(count(*), 0), 1) AS hours_per_sleep,
             min(fell_asleep) AS fell_asleep,
             max(woke_up) AS woke_up
      FROM sleeps
      WHERE woke_up >= ? AND woke_up < ?
      """
          .formatted(Tables.BEHAVIOR_EVENTS);

  private Sleep() {}

  static Answer answer(Context ctx) {
    Calendar calendar = new Calendar(ctx.now(), ctx.zone());
    TimeRange lastNight = TimeParser.range("last night", calendar).orElseThrow();
    TimeRange range = ctx.rangeOr(lastNight);
    QueryResult rows = ctx.db().within(range.start().minus(PAD), range.end().plus(PAD), SQL, ctx.db().twinId(), range.start().minus(PAD), range.end().plus(PAD),
        range.start(), range.end());
    long sleeps = Format.toLong(rows.value(0, "sleeps"));
    if (sleeps == 0) {
      return Answer.of(Answer.Assessment.NO_DATA, ctx.phrases().get("sleep.none", Context.range(range)));
    }
    var values = Context.range(range,
        "hours", Format.number(rows.value(0, "hours_asleep")),
        "per", Format.number(rows.value(0, "hours_per_sleep")),
        "n", Long.toString(sleeps),
        "from", ctx.time(rows.value(0, "fell_asleep")),
        "to", ctx.time(rows.value(0, "woke_up")));
    String sentence = ctx.phrases().get(sleeps == 1 ? "sleep.one" : "sleep.many", values);
    boolean shortSleep = Format.toDouble(rows.value(0, "hours_per_sleep")) < SHORT_SLEEP_HOURS;
    return Answer.of(shortSleep ? Answer.Assessment.CONCERN : Answer.Assessment.NORMAL, sentence);
  }
}
