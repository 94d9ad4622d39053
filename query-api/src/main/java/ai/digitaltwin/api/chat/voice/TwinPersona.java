package ai.digitaltwin.api.chat.voice;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Who is speaking: the twin's identity, traits and current mood, as the API knows them (registry and
 * latest state). Traits and mood shape the voice; the facts always come from SQL.
 *
 * @param age may be null when unknown
 * @param occupation may be null when unknown
 * @param mood current mood label, e.g. "content"; may be null
 * @param moodScore current mood in [-1, 1]; 0 when unknown
 * @param zone the twin's time zone, for "yesterday" or "at 3 pm"; UTC when null
 */
public record TwinPersona(
    String twinId,
    String name,
    Integer age,
    String occupation,
    BigFive traits,
    String mood,
    double moodScore,
    ZoneId zone) {
  public TwinPersona {
    Objects.requireNonNull(twinId, "twinId");
    if (twinId.isBlank()) {
      throw new IllegalArgumentException("Twin id must not be blank");
    }
    name = name == null || name.isBlank() ? twinId : name;
    traits = traits == null ? BigFive.neutral() : traits;
    if (!(moodScore >= -1.0 && moodScore <= 1.0)) {
      throw new IllegalArgumentException("Mood score must be in [-1, 1]: " + moodScore);
    }
    zone = zone == null ? ZoneOffset.UTC : zone;
  }

  public static TwinPersona of(String twinId, String name, BigFive traits) {
    return new TwinPersona(twinId, name, null, null, traits, null, 0.0, ZoneOffset.UTC);
  }

  public TwinPersona withMood(String label, double score) {
    return new TwinPersona(twinId, name, age, occupation, traits, label, score, zone);
  }

  public TwinPersona withZone(ZoneId newZone) {
    return new TwinPersona(twinId, name, age, occupation, traits, mood, moodScore, newZone);
  }
}
