package ai.digitaltwin.api.chat;

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

  private PersonalityFacts() {}

  static Answer answer(Context ctx) {
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
