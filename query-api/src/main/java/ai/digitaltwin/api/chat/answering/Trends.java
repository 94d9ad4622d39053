package ai.digitaltwin.api.chat.answering;

import ai.digitaltwin.api.chat.understanding.Intent;
import ai.digitaltwin.api.chat.understanding.Metric;
import ai.digitaltwin.api.chat.understanding.Question;
import ai.digitaltwin.api.chat.understanding.Spans;
import ai.digitaltwin.api.chat.understanding.TimeRange;
import ai.digitaltwin.api.chat.voice.Answer;
import ai.digitaltwin.api.chat.voice.Format;
import ai.digitaltwin.api.history.QueryResult;
import ai.digitaltwin.schemas.Tables;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * TRENDS: one metric over two periods, side by side. The periods are the two the question compares, or
 * the period it names against the one just before it, or the last 7 days against the 7 before. Sums
 * (steps) and the means the daily figures hold (heart rate, SpO2) come from the twin's daily figures for
 * whole local days and from the readings for the part-days at the ends; other means from the readings.
 */
final class Trends {
  static final Duration DEFAULT_SPAN = Duration.ofDays(7);
  /** A relative change below this reads as "about the same". */
  static final double SAME_WITHIN = 0.02;

  private Trends() {}

  static Answer answer(Context ctx) {
    Question q = ctx.question();
    Metric metric =
        q.metrics().isEmpty()
            ? ctx.metrics().get(q.classified() == Intent.ACTIVITY ? "steps" : "heart_rate")
            : q.metrics().get(0);
    TimeRange current;
    TimeRange other;
    if (q.time().comparison()) {
      current = q.time().range();
      other = q.time().other();
    } else if (q.time().named()) {
      current = q.time().range();
      other = before(current);
    } else {
      current = TimeRange.of(ctx.now().minus(DEFAULT_SPAN), ctx.now(), Spans.lastLabel(DEFAULT_SPAN));
      other = before(current);
    }
    String column = metric.columns().get(0);
    QueryResult rows = metric.summed() ? sums(ctx, column, current, other) : means(ctx, metric, current, other);
    int cur = row(rows, "current");
    int oth = row(rows, "other");
    if (cur < 0 && oth < 0) {
      return Answer.of(Answer.Assessment.NO_DATA, ctx.phrases().get("trend.none",
          Context.range(current, "label", metric.label(), "other", other.label())));
    }
    if (cur < 0 || oth < 0) {
      int have = cur >= 0 ? cur : oth;
      return Answer.of(Answer.Assessment.NO_DATA, ctx.phrases().get(
          metric.summed() ? "trend.missing.sum" : "trend.missing",
          Context.values(
              "label", metric.label(),
              "have", (cur >= 0 ? current : other).label(),
              "missing", (cur >= 0 ? other : current).label(),
              "a", metric.withUnit(Vitals.joined(rows, have, metric.columns())),
              "na", Coverage.count(ctx, Format.toLong(rows.value(have, "readings")), "reading"))));
    }
    double a = Format.toDouble(rows.value(cur, column));
    double b = Format.toDouble(rows.value(oth, column));
    String direction = Math.abs(a - b) <= SAME_WITHIN * Math.max(Math.abs(b), 1e-9)
        ? "trend.same" : (a > b ? "trend.higher" : "trend.lower");
    var values = Context.range(current,
        "label", metric.label(),
        "a", metric.withUnit(Vitals.joined(rows, cur, metric.columns())),
        "b", metric.withUnit(Vitals.joined(rows, oth, metric.columns())),
        "na", Coverage.count(ctx, Format.toLong(rows.value(cur, "readings")), "reading"),
        "nb", Coverage.count(ctx, Format.toLong(rows.value(oth, "readings")), "reading"),
        "other", other.label(),
        "direction", ctx.phrases().get(direction));
    String sentence = ctx.phrases().get(metric.summed() ? "trend.sum" : "trend.sentence", values);
    boolean concern = !metric.summed() && metric.outOfBand(a);
    return Answer.of(concern ? Answer.Assessment.CONCERN : Answer.Assessment.NORMAL, sentence);
  }

  /**
   * The vitals whose mean the twin's daily figures hold, with the count it is over and which readings
   * count: the heart rate's of 20-230 bpm only, as the daily figures (and the rollup) define it.
   */
  private record DailyMean(String mean, String count, String counted) {}

  private static final Map<String, DailyMean> DAILY_MEANS = Map.of(
      "heart_rate", new DailyMean("hr_mean", "hr_count", "heart_rate BETWEEN 20 AND 230"),
      "spo2", new DailyMean("spo2_mean", "spo2_count", "spo2 IS NOT NULL"));

  /**
   * Each period's readings and the mean of each of the metric's columns: for a vital the daily figures
   * hold ({@link #DAILY_MEANS}), the local days wholly inside a period from them, weighted by their
   * counts, and the part-days at its ends from the readings, as {@link #sums} does; otherwise from the
   * readings alone.
   */
  private static QueryResult means(Context ctx, Metric metric, TimeRange current, TimeRange other) {
    String column = metric.columns().get(0);
    DailyMean daily = metric.columns().size() == 1 ? DAILY_MEANS.get(column) : null;
    if (daily != null) {
      return dailyMeans(ctx, column, daily, current, other);
    }
    StringBuilder select = new StringBuilder(
        "SELECT CASE WHEN ts >= ? AND ts < ? THEN 'current' ELSE 'other' END AS period, count(")
        .append(column).append(") AS readings");
    for (String c : metric.columns()) {
      select.append(", round(avg(" + c + "), 1) AS " + c);
    }
    String sql = select
        + " FROM " + Tables.HEALTH_EVENTS
        + " WHERE twin_id = ? AND ((ts >= ? AND ts < ?) OR (ts >= ? AND ts < ?)) AND " + column
        + " IS NOT NULL GROUP BY period ORDER BY period";
    return ctx.db().within(first(current, other), last(current, other), sql, current.start(), current.end(),
        ctx.db().twinId(), current.start(), current.end(), other.start(), other.end());
  }

  private static QueryResult dailyMeans(Context ctx, String column, DailyMean daily, TimeRange current, TimeRange other) {
    boolean apart = !current.start().isBefore(other.end()) || !other.start().isBefore(current.end());
    Instant[] c = apart ? wholeDays(current, ctx.zone()) : new Instant[] {current.end(), current.end()};
    Instant[] o = apart ? wholeDays(other, ctx.zone()) : new Instant[] {other.end(), other.end()};
    String sql =
        "SELECT period, CAST(sum(n) AS BIGINT) AS readings, round(sum(v) / sum(n), 1) AS " + column + " FROM ("
            + "SELECT CASE WHEN day_start >= ? AND day_end <= ? THEN 'current' ELSE 'other' END AS period,"
            + " " + daily.count() + " AS n, " + daily.mean() + " * " + daily.count() + " AS v FROM " + SqlRunner.DAILY_FIGURES
            + " WHERE twin_id = ? AND " + daily.count() + " > 0"
            + " AND ((day_start >= ? AND day_end <= ?) OR (day_start >= ? AND day_end <= ?))"
            + " UNION ALL SELECT CASE WHEN ts >= ? AND ts < ? THEN 'current' ELSE 'other' END, 1, " + column
            + " FROM " + Tables.HEALTH_EVENTS + " WHERE twin_id = ? AND " + daily.counted()
            + " AND ((ts >= ? AND ts < ?) OR (ts >= ? AND ts < ?) OR (ts >= ? AND ts < ?) OR (ts >= ? AND ts < ?)))"
            + " GROUP BY period ORDER BY period";
    String twin = ctx.db().twinId();
    return ctx.db().withinDays(first(current, other), last(current, other), ctx.zone(), sql,
        c[0], c[1], twin, c[0], c[1], o[0], o[1],
        current.start(), current.end(), twin,
        current.start(), c[0], c[1], current.end(), other.start(), o[0], o[1], other.end());
  }

  /**
   * Each period's readings and sum of a summed column (a column every reading has, as steps): the local
   * days wholly inside a period from the twin's daily figures (daily_summaries where the rollup holds
   * them), the hours before its first and after its last midnight from the readings. The same sums as
   * over the readings alone; a month reads some thirty rows and two part-days of readings.
   */
  private static QueryResult sums(Context ctx, String column, TimeRange current, TimeRange other) {
    boolean apart = !current.start().isBefore(other.end()) || !other.start().isBefore(current.end());
    // overlapping periods count a reading in both as the current one's: from the readings alone
    Instant[] c = apart ? wholeDays(current, ctx.zone()) : new Instant[] {current.end(), current.end()};
    Instant[] o = apart ? wholeDays(other, ctx.zone()) : new Instant[] {other.end(), other.end()};
    String sql =
        "SELECT period, CAST(sum(n) AS BIGINT) AS readings, CAST(sum(v) AS BIGINT) AS " + column + " FROM ("
            + "SELECT CASE WHEN day_start >= ? AND day_end <= ? THEN 'current' ELSE 'other' END AS period,"
            + " readings AS n, " + column + " AS v FROM " + SqlRunner.DAILY_FIGURES
            + " WHERE twin_id = ? AND ((day_start >= ? AND day_end <= ?) OR (day_start >= ? AND day_end <= ?))"
            + " UNION ALL SELECT CASE WHEN ts >= ? AND ts < ? THEN 'current' ELSE 'other' END, 1, " + column
            + " FROM " + Tables.HEALTH_EVENTS + " WHERE twin_id = ? AND ((ts >= ? AND ts < ?) OR (ts >= ? AND ts < ?)"
            + " OR (ts >= ? AND ts < ?) OR (ts >= ? AND ts < ?))) GROUP BY period ORDER BY period";
    String twin = ctx.db().twinId();
    return ctx.db().withinDays(first(current, other), last(current, other), ctx.zone(), sql,
        c[0], c[1], twin, c[0], c[1], o[0], o[1],
        current.start(), current.end(), twin,
        current.start(), c[0], c[1], current.end(), other.start(), o[0], o[1], other.end());
  }

  /**
   * The first and last local midnight inside {@code range} (in {@code zone}); both the range's end when
   * no whole day lies inside it.
   */
  static Instant[] wholeDays(TimeRange range, ZoneId zone) {
    ZonedDateTime start = range.start().atZone(zone);
    Instant first = start.toLocalDate().atStartOfDay(zone).toInstant();
    if (first.isBefore(range.start())) {
      first = start.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
    }
    Instant last = range.end().atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    return first.isBefore(last) ? new Instant[] {first, last} : new Instant[] {range.end(), range.end()};
  }

  private static Instant first(TimeRange a, TimeRange b) {
    return a.start().isBefore(b.start()) ? a.start() : b.start();
  }

  private static Instant last(TimeRange a, TimeRange b) {
    return a.end().isAfter(b.end()) ? a.end() : b.end();
  }

  /** The period of the same length just before {@code range}. */
  static TimeRange before(TimeRange range) {
    Duration length = range.length();
    TimeRange previous = TimeRange.of(range.start().minus(length), range.start(), "the " + Spans.lastLabel(length).replace("in the last", "previous"));
    return previous;
  }

  private static int row(QueryResult rows, String period) {
    for (int i = 0; i < rows.rows().size(); i++) {
      if (period.equals(rows.value(i, "period"))) {
        return i;
      }
    }
    return -1;
  }
}
