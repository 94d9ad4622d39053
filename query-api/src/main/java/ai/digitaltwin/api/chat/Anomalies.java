package ai.digitaltwin.api.chat;

import ai.digitaltwin.schemas.Tables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** ANOMALIES detected in a period (the last 7 days unless the question names one): count and latest. */
final class Anomalies {
  static final Duration DEFAULT_SPAN = Duration.ofDays(7);
  static final int LATEST = 3;

  private static final String SQL =
      "SELECT ts, type, severity, layer, round(score, 2) AS score, start_ts, end_ts, "
          + "count(*) OVER () AS total, "
          + "sum(CASE WHEN severity = 'high' THEN 1 ELSE 0 END) OVER () AS high FROM " + Tables.ANOMALIES
          + " WHERE twin_id = ? AND ts >= ? AND ts < ? ORDER BY ts DESC, type LIMIT " + LATEST;

  private Anomalies() {}

  static Answer answer(Context ctx) {
    TimeRange range = ctx.rangeOr(TimeRange.of(ctx.now().minus(DEFAULT_SPAN), ctx.now(), Spans.lastLabel(DEFAULT_SPAN)));
    QueryResult rows = ctx.db().within(range.start(), range.end(), SQL, ctx.db().twinId(), range.start(), range.end());
    if (rows.isEmpty()) {
      return Answer.of(Answer.Assessment.NORMAL, ctx.phrases().get("anomalies.none", Context.range(range)));
    }
    List<String> items = new ArrayList<>();
    for (int i = 0; i < rows.rows().size(); i++) {
      items.add(ctx.phrases().get("anomalies.item", Context.values(
          "type", rows.value(i, "type").toString().replace('_', ' '),
          "severity", rows.value(i, "severity").toString(),
          "score", Format.number(rows.value(i, "score")),
          "time", ctx.time(rows.value(i, "start_ts")))));
    }
    String sentence = ctx.phrases().get("anomalies.some", Context.range(range,
        "n", Format.number(rows.value(0, "total")),
        "high", Format.number(rows.value(0, "high")),
        "list", Vitals.list(items)));
    return Answer.of(Answer.Assessment.CONCERN, sentence);
  }
}
