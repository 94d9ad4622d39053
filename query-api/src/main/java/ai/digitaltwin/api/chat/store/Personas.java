package ai.digitaltwin.api.chat.store;

import ai.digitaltwin.api.chat.Speaker;
import ai.digitaltwin.api.chat.voice.BigFive;
import ai.digitaltwin.api.chat.voice.TwinPersona;
import ai.digitaltwin.api.twin.RegistryRow;
import ai.digitaltwin.api.twin.StateRow;
import ai.digitaltwin.api.twin.Traits;
import ai.digitaltwin.api.twin.TwinProfile;
import ai.digitaltwin.api.twin.TwinService;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Who the twin is when a message arrives: name, age, occupation and time zone from its registry row
 * (including this API's not yet committed edits), traits and mood from its newest state. The state's
 * traits win over the registry's because they include the drift the stream job applied; a twin with no
 * state yet speaks with its registry traits and no mood. The state comes from
 * {@link TwinService#newestState}, which keeps it in memory between commits of {@code twin_state}, as for
 * {@code GET /twins/{id}}.
 */
public final class Personas {
  private final TwinService twins;
  private final Clock clock;

  public Personas(TwinService twins, Clock clock) {
    this.twins = twins;
    this.clock = clock;
  }

  /** The speaker of the twin whose current registry row is {@code registry}; "now" as {@link Speaker} says. */
  public Speaker of(RegistryRow registry) {
    Optional<StateRow> state = twins.newestState(registry.twinId());
    BigFive traits = state.map(s -> traits(s.traits())).orElse(null);
    if (traits == null) {
      traits = traits(registry.traits());
    }
    String mood = state.map(StateRow::mood).orElse(null);
    double moodScore = state.map(StateRow::moodScore).map(Personas::clamp).orElse(0.0);
    TwinProfile profile = registry.profile();
    TwinPersona persona =
        new TwinPersona(
            registry.twinId(),
            profile.name(),
            profile.age(),
            profile.occupation(),
            traits,
            mood,
            moodScore,
            zone(profile.timezone()));
    Instant now = clock.instant();
    Instant ts = state.map(StateRow::ts).map(Instant::parse).orElse(null);
    if (ts != null && ts.isAfter(now)) {
      now = ts;
    }
    return new Speaker(persona, now);
  }

  /** The five traits of a row, or null when any is missing. */
  static BigFive traits(Traits row) {
    Double[] v = {
      row.openness(), row.conscientiousness(), row.extraversion(), row.agreeableness(), row.neuroticism()
    };
    for (Double value : v) {
      if (value == null) {
        return null;
      }
    }
    return new BigFive(unit(v[0]), unit(v[1]), unit(v[2]), unit(v[3]), unit(v[4]));
  }

  private static ZoneId zone(String id) {
    if (id != null && !id.isBlank()) {
      try {
        return ZoneId.of(id);
      } catch (DateTimeException e) {
        return ZoneOffset.UTC; // validated on write; an old row with a zone this JVM lacks speaks in UTC
      }
    }
    return ZoneOffset.UTC;
  }

  private static double unit(double trait) {
    return Math.max(0, Math.min(1, trait));
  }

  private static double clamp(double score) {
    return Math.max(-1, Math.min(1, score));
  }
}
