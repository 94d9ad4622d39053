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

/**
 * EXPLAIN ("why is your heart rate high?"): the latest value of the metric asked about (heart rate unless
 * another is named), set against the twin's own baseline from its newest state, what it is doing, and the
 * alert episodes of the last day: the reasons the data can give, never a guess beyond them.
 */
final class Explain {
  static final Duration LOOKBACK = Duration.ofHours(24);

  private static final String STATE =
      "SELECT ts, activity, round(hr_baseline, 1) AS hr_baseline, round(resting_hr, 1) AS resting_hr FROM "
          + Tables.TWIN_STATE + " WHERE twin_id = ? AND ts <= ? ORDER BY ts DESC LIMIT 1";

  private Explain() {}

  static Answer answer(Context ctx) {
    Metric metric = ctx.question().metrics().isEmpty() ? ctx.metrics().get("heart_rate") : ctx.question().metrics().get(0);
    List<String> facts = new ArrayList<>();
    String column = metric.columns().get(0);
    String latest = "SELECT ts, round(" + column + ", 1) AS value FROM " + Tables.HEALTH_EVENTS
        + " WHERE twin_id = ? AND ts <= ? AND ts > ? AND " + column + " IS NOT NULL ORDER BY ts DESC LIMIT 1";
    QueryResult value = ctx.db().within(ctx.now().minus(LOOKBACK), ctx.now(), latest, ctx.db().twinId(), ctx.now(), ctx.now().minus(LOOKBACK));
    boolean concern = false;
    if (!value.isEmpty()) {
      double v = Format.toDouble(value.value(0, "value"));
      concern = metric.outOfBand(v);
      String band = metric.normalLow() == null ? "explain.value"
          : v > metric.normalHigh() ? "explain.value.high" : v < metric.normalLow() ? "explain.value.low" : "explain.value.normal";
      facts.add(ctx.phrases().get(band, Context.values("label", metric.label(),
          "value", metric.withUnit(Format.number(value.value(0, "value"))), "time", ctx.time(value.value(0, "ts")))));
    }
    QueryResult state = ctx.db().within(null, ctx.now(), STATE, ctx.db().twinId(), ctx.now());
    if (!state.isEmpty()) {
      if (metric.key().equals("heart_rate") && state.value(0, "hr_baseline") != null) {
        facts.add(ctx.phrases().get("explain.baseline", Context.values(
            "baseline", metric.withUnit(Format.number(state.value(0, "hr_baseline"))))));
      }
      Object activity = state.value(0, "activity");
      if (activity != null) {
        String key = "explain.activity." + activity;
        facts.add(ctx.phrases().get(ctx.phrases().getOrDefault(key, null) == null ? "explain.activity" : key,
            Context.values("activity", Activity.doing(ctx, activity.toString()))));
      }
    }
    TimeRange day = TimeRange.of(ctx.now().minus(LOOKBACK), ctx.now(), Spans.lastLabel(LOOKBACK));
    QueryResult episodes = Anomalies.episodes(ctx, day);
    if (episodes.isEmpty()) {
      facts.add(ctx.phrases().get("explain.no.alerts"));
    } else {
      List<String> items = new ArrayList<>();
      for (int i = 0; i < episodes.rows().size(); i++) {
        items.add(Anomalies.item(ctx, episodes, i));
        concern |= !"sensor".equals(episodes.value(i, "layer"));
      }
      facts.add(ctx.phrases().get("explain.alerts", Context.values("list", Vitals.list(items))));
      String meaning = ctx.phrases().getOrDefault("anomaly.meaning." + episodes.value(0, "type"), null);
      if (meaning != null) {
        facts.add(meaning);
      }
    }
    if (value.isEmpty() && state.isEmpty()) {
      return Answer.of(Answer.Assessment.NO_DATA, ctx.phrases().get("explain.none", Context.values("label", metric.label())));
    }
    return new Answer(facts, concern ? Answer.Assessment.CONCERN : Answer.Assessment.INFO);
  }
}
