package ai.digitaltwin.api.chat.answering;

import ai.digitaltwin.api.chat.understanding.TimeRange;
import ai.digitaltwin.api.chat.understanding.Timeframe;
import ai.digitaltwin.api.chat.voice.Answer;
import ai.digitaltwin.api.chat.voice.Format;
import ai.digitaltwin.api.history.QueryResult;
import ai.digitaltwin.schemas.Tables;
import java.util.ArrayList;
import java.util.List;

/** MOOD from the twin's state history: the latest state, or the states of a period. */
final class MoodFacts {
  static final double LOW_MOOD = -0.2;
  static final double HIGH_STRESS = 0.8;

  private static final String LATEST =
      "SELECT ts, mood, round(mood_score, 2) AS mood_score, round(stress, 2) AS stress, "
          + "round(energy, 2) AS energy, status FROM " + Tables.TWIN_STATE
          + " WHERE twin_id = ? AND ts <= ? AND mood_score IS NOT NULL ORDER BY ts DESC LIMIT 1";
  private static final String PERIOD =
      "SELECT count(*) AS states, min(ts) AS first_ts, mode(mood) AS mood, round(avg(mood_score), 2) AS mood_score, "
          + "round(avg(stress), 2) AS stress, round(avg(energy), 2) AS energy FROM " + Tables.TWIN_STATE
          + " WHERE twin_id = ? AND ts >= ? AND ts < ? AND mood_score IS NOT NULL";

  private MoodFacts() {}

  static Answer answer(Context ctx) {
    Timeframe time = ctx.question().time();
    if (time.named()) {
      TimeRange range = time.range();
      QueryResult rows = ctx.db().within(range.start(), range.end(), PERIOD, ctx.db().twinId(), range.start(), range.end());
      long states = Format.toLong(rows.value(0, "states"));
      if (states == 0) {
        return Answer.of(Answer.Assessment.NO_DATA, ctx.phrases().get("mood.none", Context.range(range)));
      }
      List<String> facts = new ArrayList<>();
      facts.add(ctx.phrases().get(states == 1 ? "mood.range.one" : "mood.range", Context.range(range,
          "mood", String.valueOf(rows.value(0, "mood")),
          "score", Format.number(rows.value(0, "mood_score")),
          "stress", orUnknown(rows.value(0, "stress")),
          "energy", orUnknown(rows.value(0, "energy")),
          "updates", Coverage.count(ctx, states, "update"))));
      Coverage.partial(ctx, range, rows.value(0, "first_ts")).ifPresent(facts::add);
      if (states > 1) {
        Coverage.few(ctx, states, "update").ifPresent(facts::add);
      }
      return new Answer(facts, assess(rows));
    }
    QueryResult rows = ctx.db().within(null, ctx.now(), LATEST, ctx.db().twinId(), ctx.now());
    if (rows.isEmpty()) {
      String mood = ctx.persona().mood();
      return mood == null
          ? Answer.of(Answer.Assessment.NO_DATA, ctx.phrases().get("mood.none", Context.values("range", "yet")))
          : Answer.of(Answer.Assessment.NO_DATA, ctx.phrases().get("mood.label.only", Context.values("mood", mood)));
    }
    String sentence = ctx.phrases().get("mood.now", Context.values(
        "mood", String.valueOf(rows.value(0, "mood")),
        "score", Format.number(rows.value(0, "mood_score")),
        "stress", orUnknown(rows.value(0, "stress")),
        "energy", orUnknown(rows.value(0, "energy")),
        "time", ctx.time(rows.value(0, "ts"))));
    return Answer.of(assess(rows), sentence);
  }

  private static String orUnknown(Object value) {
    return value == null ? "unknown" : Format.number(value);
  }

  private static Answer.Assessment assess(QueryResult rows) {
    Object score = rows.value(0, "mood_score");
    Object stress = rows.value(0, "stress");
    boolean low = score != null && Format.toDouble(score) < LOW_MOOD;
    boolean stressed = stress != null && Format.toDouble(stress) > HIGH_STRESS;
    return low || stressed ? Answer.Assessment.CONCERN : Answer.Assessment.NORMAL;
  }
}
