package ai.digitaltwin.api.chat.answering;

import ai.digitaltwin.api.chat.understanding.Spans;
import ai.digitaltwin.api.chat.understanding.TimeRange;
import ai.digitaltwin.api.chat.voice.Answer;
import ai.digitaltwin.api.chat.voice.Format;
import ai.digitaltwin.api.history.QueryResult;
import ai.digitaltwin.schemas.Tables;
import java.util.ArrayList;
import java.util.List;

/**
 * PERSONALITY: the Big Five as the state history last saw them (they drift), else as registered.
 * A trait at or above {@link #HIGH} reads as high, at or below {@link #LOW} as low.
 */
final class PersonalityFacts {
  static final double HIGH = 0.6;
  static final double LOW = 0.4;
  static final List<String> TRAITS =
      List.of("openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism");

  private static final String COLUMNS =
      "ts, round(openness, 2) AS openness, round(conscientiousness, 2) AS conscientiousness, "
          + "round(extraversion, 2) AS extraversion, round(agreeableness, 2) AS agreeableness, "
          + "round(neuroticism, 2) AS neuroticism";
  private static final String FROM_STATE =
      "SELECT " + COLUMNS + ", drift_cause FROM " + Tables.TWIN_STATE
          + " WHERE twin_id = ? AND ts <= ? AND openness IS NOT NULL ORDER BY ts DESC LIMIT 1";
  private static final String FROM_REGISTRY =
      "SELECT " + COLUMNS + " FROM " + Tables.TWIN_REGISTRY
          + " WHERE twin_id = ? AND ts <= ? AND openness IS NOT NULL ORDER BY ts DESC LIMIT 1";

  /**
   * First and latest traits of a period, and what moved them: every nudge of the stream job leaves a
   * distinct cause text ("negative chat sentiment -0.65: neuroticism +0.0065", "social activity 30 min
   * on 2026-05-19: extraversion -0.0100") that later states repeat, so the shifts are the distinct texts.
   */
  private static final String DRIFT =
      "WITH s AS (SELECT * FROM " + Tables.TWIN_STATE
          + " WHERE twin_id = ? AND ts >= ? AND ts <= ? AND openness IS NOT NULL),"
          + " c AS (SELECT DISTINCT drift_cause FROM s WHERE drift_cause IS NOT NULL)"
          + " SELECT count(*) AS states, min(ts) AS since, (SELECT count(*) FROM c) AS shifts,"
          + " (SELECT mode(CASE WHEN drift_cause LIKE 'negative chat%' THEN 'negative_chat'"
          + " WHEN drift_cause LIKE 'positive chat%' THEN 'positive_chat'"
          + " WHEN drift_cause LIKE 'social activity%' THEN 'social' ELSE 'other' END) FROM c) AS cause"
          + TRAITS.stream().map(t -> ", round(arg_min(" + t + ", ts), 2) AS " + t + "_then, round(arg_max(" + t
              + ", ts), 2) AS " + t + "_now").collect(java.util.stream.Collectors.joining())
          + " FROM s";
  static final java.time.Duration DRIFT_SPAN = java.time.Duration.ofDays(30);

  private PersonalityFacts() {}

  static Answer answer(Context ctx) {
    return "drift".equals(ctx.question().topic()) ? drift(ctx) : now(ctx);
  }

  /** How the traits moved over a period (the last 30 days unless named): first state against the latest. */
  static Answer drift(Context ctx) {
    TimeRange range = ctx.rangeOr(TimeRange.of(ctx.now().minus(DRIFT_SPAN), ctx.now(), Spans.lastLabel(DRIFT_SPAN)));
    QueryResult rows = ctx.db().within(range.start(), range.end(), DRIFT, ctx.db().twinId(), range.start(), range.end());
    long states = Format.toLong(rows.value(0, "states"));
    if (states < 2) {
      return Answer.of(Answer.Assessment.NO_DATA, ctx.phrases().get("personality.drift.young", Context.range(range)));
    }
    List<String> moved = new ArrayList<>();
    for (String trait : TRAITS) {
      Object then = rows.value(0, trait + "_then");
      Object now = rows.value(0, trait + "_now");
      if (then != null && now != null && Format.toDouble(then) != Format.toDouble(now)) {
        moved.add(ctx.phrases().get("personality.moved", Context.values("trait", trait,
            "then", Format.number(then), "now", Format.number(now),
            "words", ctx.phrases().get("trait." + trait + (Format.toDouble(now) > Format.toDouble(then) ? ".more" : ".less")))));
      }
    }
    List<String> facts = new ArrayList<>();
    if (moved.isEmpty()) {
      facts.add(ctx.phrases().get("personality.same", Context.range(range, "since", ctx.time(rows.value(0, "since")))));
    } else {
      facts.add(ctx.phrases().get("personality.changed", Context.range(range, "list", Vitals.list(moved))));
      Object cause = rows.value(0, "cause");
      if (cause != null) {
        facts.add(ctx.phrases().get("personality.cause", Context.values("cause", ctx.phrases().getOrDefault(
            "drift." + cause, cause.toString().replace('_', ' ')), "shifts", Format.number(rows.value(0, "shifts")))));
      }
    }
    return new Answer(facts, Answer.Assessment.INFO);
  }

  static Answer now(Context ctx) {
    QueryResult rows = ctx.db().within(null, ctx.now(), FROM_STATE, ctx.db().twinId(), ctx.now());
    boolean fromState = !rows.isEmpty();
    if (!fromState) {
      rows = ctx.db().query(FROM_REGISTRY, ctx.db().twinId(), ctx.now());
    }
    if (rows.isEmpty()) {
      return Answer.of(Answer.Assessment.NO_DATA, ctx.phrases().get("personality.none"));
    }
    List<String> items = new ArrayList<>();
    for (String trait : TRAITS) {
      Object value = rows.value(0, trait);
      if (value == null) {
        continue;
      }
      double v = Format.toDouble(value);
      String level = v >= HIGH ? "high" : v <= LOW ? "low" : "mid";
      items.add(ctx.phrases().get("personality.item", Context.values(
          "words", ctx.phrases().get("trait." + trait + "." + level),
          "trait", trait,
          "value", Format.number(value))));
    }
    List<String> facts = new ArrayList<>();
    facts.add(ctx.phrases().get("personality.sentence", Context.values("list", Vitals.list(items))));
    Object cause = fromState ? rows.value(0, "drift_cause") : null;
    if (cause != null && !cause.toString().isBlank()) {
      facts.add(ctx.phrases().get("personality.drift", Context.values("cause", cause.toString().replace('_', ' '))));
    }
    return new Answer(facts, Answer.Assessment.INFO);
  }
}
