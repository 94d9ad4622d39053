package ai.digitaltwin.api.chat.answering;

import ai.digitaltwin.api.chat.understanding.Metric;
import ai.digitaltwin.api.chat.understanding.Spans;
import ai.digitaltwin.api.chat.understanding.TimeRange;
import ai.digitaltwin.api.chat.voice.Answer;
import ai.digitaltwin.api.chat.voice.Format;
import ai.digitaltwin.api.history.QueryResult;
import ai.digitaltwin.schemas.Tables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** HEALTH_NOW (the latest value of each vital) and HISTORY (each vital over a past period or moment). */
final class Vitals {
  static final Duration NOW_LOOKBACK = Duration.ofHours(24);

  private Vitals() {}

  static Answer now(Context ctx) {
    List<Metric> metrics = ctx.metricsOrVitals();
    StringBuilder select = new StringBuilder("SELECT max(ts) AS ts");
    for (Metric metric : metrics) {
      for (String column : metric.columns()) {
        select.append(", round(arg_max(").append(column).append(", ts) FILTER (WHERE ")
            .append(column).append(" IS NOT NULL), 1) AS ").append(column);
      }
    }
    String sql = select + " FROM " + Tables.HEALTH_EVENTS + " WHERE twin_id = ? AND ts <= ? AND ts > ?";
    QueryResult rows = ctx.db().within(ctx.now().minus(NOW_LOOKBACK), ctx.now(), sql, ctx.db().twinId(), ctx.now(), ctx.now().minus(NOW_LOOKBACK));
    List<String> parts = new ArrayList<>();
    boolean concern = false;
    for (Metric metric : metrics) {
      String value = joined(rows, 0, metric.columns());
      if (value == null) {
        continue;
      }
      parts.add(ctx.phrases().get("now.metric", Context.values("label", metric.label(), "value", metric.withUnit(value))));
      concern |= metric.outOfBand(Format.toDouble(rows.value(0, metric.columns().get(0))));
    }
    if (parts.isEmpty()) {
      return Answer.of(Answer.Assessment.NO_DATA, ctx.phrases().get("now.none", Context.values("labels", labels(metrics))));
    }
    List<String> facts = new ArrayList<>();
    facts.add(ctx.phrases().get("now.sentence", Context.values("time", ctx.time(rows.value(0, "ts")), "list", list(parts))));
    concern |= openEpisodes(ctx, facts);
    return new Answer(facts, concern ? Answer.Assessment.CONCERN : Answer.Assessment.NORMAL);
  }

  static Answer history(Context ctx) {
    TimeRange range = ctx.question().time().range();
    List<Metric> metrics = ctx.metricsOrVitals();
    StringBuilder select = new StringBuilder("SELECT count(*) AS readings, min(ts) AS first_ts");
    for (Metric metric : metrics) {
      for (String column : metric.columns()) {
        if (metric.summed()) {
          select.append(", CAST(sum(").append(column).append(") AS BIGINT) AS ").append(column).append("_sum");
        } else {
          select.append(", round(avg(").append(column).append("), 1) AS ").append(column).append("_avg")
              .append(", round(min(").append(column).append("), 1) AS ").append(column).append("_min")
              .append(", round(max(").append(column).append("), 1) AS ").append(column).append("_max");
        }
      }
    }
    String sql = select + " FROM " + Tables.HEALTH_EVENTS + " WHERE twin_id = ? AND ts >= ? AND ts < ?";
    QueryResult rows = ctx.db().within(range.start(), range.end(), sql, ctx.db().twinId(), range.start(), range.end());
    long readings = Format.toLong(rows.value(0, "readings"));
    List<String> parts = new ArrayList<>();
    boolean concern = false;
    for (Metric metric : metrics) {
      String first = metric.columns().get(0);
      if (metric.summed()) {
        Object sum = rows.value(0, first + "_sum");
        if (sum != null) {
          parts.add(ctx.phrases().get("history.sum", Context.values("label", metric.label(), "value", Format.number(sum))));
        }
        continue;
      }
      String avg = joined(rows, 0, suffixed(metric.columns(), "_avg"));
      if (avg == null) {
        continue;
      }
      parts.add(
          ctx.phrases().get("history.avg", Context.values(
              "label", metric.label(),
              "value", metric.withUnit(avg),
              "min", joined(rows, 0, suffixed(metric.columns(), "_min")),
              "max", joined(rows, 0, suffixed(metric.columns(), "_max")))));
      concern |= metric.outOfBand(Format.toDouble(rows.value(0, first + "_avg")));
    }
    if (readings == 0 || parts.isEmpty()) {
      return Answer.of(Answer.Assessment.NO_DATA, ctx.phrases().get("history.none", Context.range(range, "labels", labels(metrics))));
    }
    List<String> facts = new ArrayList<>();
    facts.add(ctx.phrases().get("history.sentence", Context.range(range, "list", list(parts),
        "readings", Coverage.count(ctx, readings, "reading"))));
    Coverage.partial(ctx, range, rows.value(0, "first_ts")).ifPresent(facts::add);
    Coverage.few(ctx, readings, "reading").ifPresent(facts::add);
    return new Answer(facts, concern ? Answer.Assessment.CONCERN : Answer.Assessment.NORMAL);
  }

  /**
   * Adds the episodes of the last day that are still open, with what the first means: "is my heart ok"
   * is not answered by a reading alone. Returns whether one of them is about health (not the sensor).
   */
  static boolean openEpisodes(Context ctx, List<String> facts) {
    TimeRange day = TimeRange.of(ctx.now().minus(NOW_LOOKBACK), ctx.now(), Spans.lastLabel(NOW_LOOKBACK));
    QueryResult episodes = Anomalies.episodes(ctx, day);
    List<String> open = new ArrayList<>();
    boolean health = false;
    String meaning = null;
    for (int i = 0; i < episodes.rows().size(); i++) {
      if (episodes.value(i, "end_ts") == null) {
        open.add(Anomalies.item(ctx, episodes, i));
        health |= !"sensor".equals(episodes.value(i, "layer"));
        meaning = meaning != null ? meaning : ctx.phrases().getOrDefault("anomaly.meaning." + episodes.value(i, "type"), null);
      }
    }
    if (!open.isEmpty()) {
      facts.add(ctx.phrases().get("now.open", Context.values("list", list(open))));
      if (meaning != null) {
        facts.add(meaning);
      }
    }
    return health;
  }

  /** "120/80" from two columns of one row, or null when the first is null. */
  static String joined(QueryResult rows, int row, List<String> columns) {
    if (rows.isEmpty() || rows.value(row, columns.get(0)) == null) {
      return null;
    }
    return columns.stream().map(c -> Format.number(rows.value(row, c))).collect(Collectors.joining("/"));
  }

  static List<String> suffixed(List<String> columns, String suffix) {
    return columns.stream().map(c -> c + suffix).toList();
  }

  static String labels(List<Metric> metrics) {
    return list(metrics.stream().map(Metric::label).toList()).replace(" and ", " or ");
  }

  /** "a", "a and b", "a, b and c". */
  static String list(List<String> parts) {
    if (parts.size() <= 1) {
      return String.join("", parts);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }
}
