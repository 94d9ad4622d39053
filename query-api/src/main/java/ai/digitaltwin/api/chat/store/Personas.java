package ai.digitaltwin.api.chat.store;

import ai.digitaltwin.api.chat.Speaker;
import ai.digitaltwin.api.chat.voice.BigFive;
import ai.digitaltwin.api.chat.voice.TwinPersona;
import ai.digitaltwin.api.twin.TwinService;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Who the twin is when a message arrives: name, age, occupation and time zone from its registry row
 * (including this API's not yet committed edits), traits and mood from its newest state. The state's
 * traits win over the registry's because they include the drift the stream job applied; a twin with no
 * state yet speaks with its registry traits and no mood. The state comes from {@link TwinService#state},
 * which keeps it in memory between commits of {@code twin_state}, as for {@code GET /twins/{id}}.
 */
public final class Personas {
  private final TwinService twins;
  private final Clock clock;

  public Personas(TwinService twins, Clock clock) {
    this.twins = twins;
    this.clock = clock;
  }

  /** The speaker of the twin whose current registry row is {@code registry}; "now" as {@link Speaker} says. */
  public Speaker of(Map<String, Object> registry) {
    String twinId = (String) registry.get("twin_id");
    Map<String, Object> state = twins.state(twinId);
    if (state == null) {
      state = Map.of();
    }
    BigFive traits = traits(state);
    if (traits == null) {
      traits = traits(registry);
    }
    Object mood = state.get("mood");
    double moodScore = state.get("mood_score") instanceof Number n ? clamp(n.doubleValue()) : 0.0;
    TwinPersona persona =
        new TwinPersona(
            twinId,
            (String) registry.get("name"),
            registry.get("age") instanceof Number age ? age.intValue() : null,
            (String) registry.get("occupation"),
            traits,
            mood == null ? null : mood.toString(),
            moodScore,
            zone(registry.get("timezone")));
    Instant now = clock.instant();
    if (state.get("ts") instanceof String ts && Instant.parse(ts).isAfter(now)) {
      now = Instant.parse(ts);
    }
    return new Speaker(persona, now);
  }

  /** The five traits of a row, or null when any is missing. */
  static BigFive traits(Map<String, Object> row) {
    double[] v = new double[5];
    String[] names = {"openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism"};
    for (int i = 0; i < names.length; i++) {
      if (!(row.get(names[i]) instanceof Number n)) {
        return null;
      }
      v[i] = Math.max(0, Math.min(1, n.doubleValue()));
    }
    return new BigFive(v[0], v[1], v[2], v[3], v[4]);
  }

  private static ZoneId zone(Object name) {
    if (name instanceof String id && !id.isBlank()) {
      try {
        return ZoneId.of(id);
      } catch (DateTimeException e) {
        return ZoneOffset.UTC; // validated on write; an old row with a zone this JVM lacks speaks in UTC
      }
    }
    return ZoneOffset.UTC;
  }

  private static double clamp(double score) {
    return Math.max(-1, Math.min(1, score));
  }
}
