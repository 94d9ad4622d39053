package ai.digitaltwin.api.chat;

import ai.digitaltwin.schemas.Tables;
import java.time.Duration;
import java.time.Instant;

/**
 * TRENDS: one metric over two periods, side by side. The periods are the two the question compares, or
 * the period it names against the one just before it, or the last 7 days against the 7 before.
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
    StringBuilder select = new StringBuilder(
        "SELECT CASE WHEN ts >= ? AND ts < ? THEN 'current' ELSE 'other' END AS period, count(")
        .append(column).append(") AS readings");
    for (String c : metric.columns()) {
      select.append(metric.summed()
          ? ", CAST(sum(" + c + ") AS BIGINT) AS " + c
          : ", round(avg(" + c + "), 1) AS " + c);
    }
    String sql = select
        + " FROM " + Tables.HEALTH_EVENTS
        + " WHERE twin_id = ? AND ((ts >= ? AND ts < ?) OR (ts >= ? AND ts < ?)) AND " + column
        + " IS NOT NULL GROUP BY period ORDER BY period";
    Instant from = current.start().isBefore(other.start()) ? current.start() : other.start();
    Instant through = current.end().isAfter(other.end()) ? current.end() : other.end();
    QueryResult rows = ctx.db().within(from, through, sql, current.start(), current.end(), ctx.db().twinId(),
        current.start(), current.end(), other.start(), other.end());
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
