package ai.digitaltwin.api.chat.answering;

import ai.digitaltwin.api.chat.understanding.Spans;
import ai.digitaltwin.api.chat.understanding.TimeRange;
import ai.digitaltwin.api.chat.voice.Answer;
import ai.digitaltwin.api.chat.voice.Format;
import ai.digitaltwin.api.history.QueryResult;
import ai.digitaltwin.schemas.Tables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * ANOMALIES in a period (the last 7 days unless the question names one), counted as episodes the way
 * {@code GET /anomalies} counts them: the detector writes an episode when it opens and again when it
 * closes, so only the latest row of each (type, start) counts, and an episode belongs to the period its
 * start lies in. Each kind is said with what it means (data: {@code anomaly.meaning.*}).
 */
final class Anomalies {
  static final Duration DEFAULT_SPAN = Duration.ofDays(7);
  static final int LATEST = 3;

  static final String SQL =
      "WITH e AS (SELECT type, severity, layer, score, start_ts, end_ts, "
          + "row_number() OVER (PARTITION BY type, start_ts ORDER BY ts DESC, event_id DESC) AS rn FROM "
          + Tables.ANOMALIES + " WHERE twin_id = ? AND start_ts >= ? AND start_ts < ?) "
          + "SELECT type, severity, layer, round(score, 2) AS score, start_ts, end_ts, count(*) OVER () AS total, "
          + "sum(CASE WHEN severity = 'high' THEN 1 ELSE 0 END) OVER () AS high, "
          + "sum(CASE WHEN end_ts IS NULL THEN 1 ELSE 0 END) OVER () AS open "
          + "FROM e WHERE rn = 1 ORDER BY start_ts DESC, type LIMIT " + LATEST;

  private Anomalies() {}

  static TimeRange range(Context ctx) {
    return ctx.rangeOr(TimeRange.of(ctx.now().minus(DEFAULT_SPAN), ctx.now(), Spans.lastLabel(DEFAULT_SPAN)));
  }

  /** The episodes that started in {@code range}, newest first, at most {@link #LATEST}. */
  static QueryResult episodes(Context ctx, TimeRange range) {
    // the closing row of an episode that started in the range may be written after it ends
    Instant through = range.end().isAfter(ctx.now()) ? range.end() : ctx.now();
    return ctx.db().within(range.start(), through, SQL, ctx.db().twinId(), range.start(), range.end());
  }

  static Answer answer(Context ctx) {
    TimeRange range = range(ctx);
    QueryResult rows = episodes(ctx, range);
    if (rows.isEmpty()) {
      return Answer.of(Answer.Assessment.NORMAL, ctx.phrases().get("anomalies.none", Context.range(range)));
    }
    List<String> items = new ArrayList<>();
    List<String> meanings = new ArrayList<>();
    for (int i = 0; i < rows.rows().size(); i++) {
      items.add(item(ctx, rows, i));
      String type = rows.value(i, "type").toString();
      String meaning = ctx.phrases().getOrDefault("anomaly.meaning." + type, null);
      if (meaning != null && !meanings.contains(meaning)) {
        meanings.add(meaning);
      }
    }
    long total = Format.toLong(rows.value(0, "total"));
    long open = Format.toLong(rows.value(0, "open"));
    List<String> facts = new ArrayList<>();
    facts.add(ctx.phrases().get(total == 1 ? "anomalies.one" : "anomalies.some", Context.range(range,
        "n", Format.number(rows.value(0, "total")),
        "high", Format.number(rows.value(0, "high")),
        "list", Vitals.list(items))));
    if (open > 0) {
      String key = open > 1 ? "anomalies.open.some" : total == 1 ? "anomalies.open.one" : "anomalies.open.one.latest";
      facts.add(ctx.phrases().get(key, Context.values("n", Long.toString(open))));
    }
    facts.addAll(meanings);
    boolean health = false;
    for (int i = 0; i < rows.rows().size(); i++) {
      health |= !"sensor".equals(rows.value(i, "layer"));
    }
    return new Answer(facts, health ? Answer.Assessment.CONCERN : Answer.Assessment.INFO);
  }

  static String item(Context ctx, QueryResult rows, int i) {
    boolean open = rows.value(i, "end_ts") == null;
    return ctx.phrases().get(open ? "anomalies.item.open" : "anomalies.item", Context.values(
        "type", rows.value(i, "type").toString().replace('_', ' '),
        "severity", rows.value(i, "severity").toString(),
        "score", Format.number(rows.value(i, "score")),
        "time", ctx.time(rows.value(i, "start_ts")),
        "end", open ? "" : ctx.time(rows.value(i, "end_ts"))));
  }
}
