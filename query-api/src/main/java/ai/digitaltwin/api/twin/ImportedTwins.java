package ai.digitaltwin.api.twin;

import ai.digitaltwin.api.auth.Principal;
import ai.digitaltwin.api.error.NoSuchTwinException;
import ai.digitaltwin.schemas.Personality;
import ai.digitaltwin.schemas.Profile;
import java.util.List;
import java.util.Objects;

/**
 * Twins of real people, made from their wearable exports: created by an import (registry action
 * {@code imported}, never simulated), with a profile of what the person says — a name and a time zone —
 * and no age, sex or occupation until they give them. The time zone is where the twin's days and nights
 * lie, for the stream job's detectors and for timestamps an export writes without a zone.
 */
public final class ImportedTwins {
  static final String REASON = "imported from a wearable export";

  private final TwinService twins;
  private final TwinWriter writer;

  public ImportedTwins(TwinService twins, TwinWriter writer) {
    this.twins = twins;
    this.writer = writer;
  }

  /**
   * Makes sure twin {@code twinId} exists before readings are imported into it: an unknown id becomes a
   * twin marked as imported and owned by the caller, named {@code name} (else its id) in {@code timezone}
   * (else UTC); an existing twin the caller may change takes the name and zone given, when they differ
   * (an edit like any other, kept in its history). True when the twin was created.
   */
  public boolean ensure(String twinId, Principal caller, String name, String timezone) {
    RegistryRow current;
    try {
      current = twins.writable(twinId, caller);
    } catch (NoSuchTwinException unknown) {
      Profile profile = new Profile(
          TwinValidation.name(name == null ? twinId : name), null, null, null, List.of(), TwinValidation.timezone(timezone));
      writer.imported(twinId, caller.username(), profile, REASON);
      return true;
    }
    TwinProfile was = current.profile();
    TwinProfile named = was.namedOr(twinId);
    TwinProfile given = named.with(name != null ? name : named.name(), timezone != null ? timezone : named.timezone());
    if (!Objects.equals(given.name(), was.name()) || !Objects.equals(given.timezone(), was.timezone())) {
      writer.update(twinId, current.owner(), TwinValidation.profile(given.input(), current.realPerson()),
          personality(current.traits()), current.seed(), REASON);
    }
    return false;
  }

  /** The registry row's Big Five, or null before any were set (an imported twin before its questionnaire). */
  private static Personality personality(Traits traits) {
    if (!traits.known()) {
      return null;
    }
    return new Personality(traits.openness(), traits.conscientiousness(), traits.extraversion(),
        traits.agreeableness(), traits.neuroticism());
  }
}
