package ai.digitaltwin.api.twin;

import ai.digitaltwin.api.auth.Principal;
import ai.digitaltwin.api.error.NoSuchTwinException;
import ai.digitaltwin.schemas.Personality;
import ai.digitaltwin.schemas.Profile;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private final ObjectMapper mapper;

  public ImportedTwins(TwinService twins, TwinWriter writer, ObjectMapper mapper) {
    this.twins = twins;
    this.writer = writer;
    this.mapper = mapper;
  }

  /**
   * Makes sure twin {@code twinId} exists before readings are imported into it: an unknown id becomes a
   * twin marked as imported and owned by the caller, named {@code name} (else its id) in {@code timezone}
   * (else UTC); an existing twin the caller may change takes the name and zone given, when they differ
   * (an edit like any other, kept in its history). True when the twin was created.
   */
  public boolean ensure(String twinId, Principal caller, String name, String timezone) {
    Map<String, Object> current;
    try {
      current = twins.writable(twinId, caller);
    } catch (NoSuchTwinException unknown) {
      Profile profile = new Profile(
          TwinValidation.name(name == null ? twinId : name), null, null, null, List.of(), TwinValidation.timezone(timezone));
      writer.imported(twinId, caller.username(), profile, REASON);
      return true;
    }
    Map<String, Object> given = named(twinId, TwinService.pick(current, TwinService.PROFILE));
    if (name != null) {
      given.put("name", name);
    }
    if (timezone != null) {
      given.put("timezone", timezone);
    }
    if (!Objects.equals(given.get("name"), current.get("name")) || !Objects.equals(given.get("timezone"), current.get("timezone"))) {
      writer.update(twinId, (String) current.get("owner"), TwinValidation.profile(mapper.convertValue(given, TwinRequest.ProfileInput.class), isRealPerson(current)),
          personality(current), current.get("seed") instanceof Number n ? n.longValue() : null, REASON);
    }
    return false;
  }

  /** A twin without an age was never simulated (creating one requires it): a real person's. */
  static boolean isRealPerson(Map<String, Object> registry) {
    return registry.get("age") == null;
  }

  /** The profile's fields, named by the twin's id when it has no name yet (imported before names were kept). */
  static Map<String, Object> named(String twinId, Map<String, Object> profile) {
    Map<String, Object> out = new LinkedHashMap<>(profile);
    if (out.get("name") == null) {
      out.put("name", twinId);
    }
    return out;
  }

  /** The registry row's Big Five, or null before any were set (an imported twin before its questionnaire). */
  private static Personality personality(Map<String, Object> registry) {
    if (registry.get("openness") == null) {
      return null;
    }
    return new Personality(trait(registry, "openness"), trait(registry, "conscientiousness"),
        trait(registry, "extraversion"), trait(registry, "agreeableness"), trait(registry, "neuroticism"));
  }

  private static double trait(Map<String, Object> registry, String name) {
    return ((Number) registry.get(name)).doubleValue();
  }
}
