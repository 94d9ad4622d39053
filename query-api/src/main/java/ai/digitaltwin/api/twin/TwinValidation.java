package ai.digitaltwin.api.twin;

import ai.digitaltwin.api.error.ApiException;
import ai.digitaltwin.schemas.Personality;
import ai.digitaltwin.schemas.Profile;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a request into the wire types, or a 400 naming the first bad field ({@code profile.age}). Ages
 * are 16-100: the generator's routines are those of working-age and retired adults. A real person's
 * (imported) twin is never simulated, so its profile may leave out age, sex and occupation; what it
 * gives is checked the same.
 */
final class TwinValidation {
  static final int MIN_AGE = 16;
  static final int MAX_AGE = 100;
  static final Set<String> SEXES = Set.of("female", "male", "other");
  private static final Pattern TEXT = Pattern.compile("[\\p{L}\\p{M}\\p{N} .,'&/()+-]+");

  private TwinValidation() {}

  /** A simulated twin's profile: every fact required. */
  static Profile profile(TwinRequest.ProfileInput p) {
    return profile(p, false);
  }

  /** {@code realPerson}: age, sex and occupation may be left out. */
  static Profile profile(TwinRequest.ProfileInput p, boolean realPerson) {
    if (p == null) {
      throw ApiException.badRequest("profile is required", "profile");
    }
    String name = name(p.name());
    if (p.age() == null && !realPerson) {
      throw ApiException.badRequest("profile.age is required", "profile.age");
    }
    if (p.age() != null && (p.age() < MIN_AGE || p.age() > MAX_AGE)) {
      throw ApiException.badRequest(
          "profile.age must be in " + MIN_AGE + ".." + MAX_AGE + ", got " + p.age(), "profile.age");
    }
    if ((p.sex() != null || !realPerson) && !SEXES.contains(String.valueOf(p.sex()))) {
      throw ApiException.badRequest(
          "profile.sex must be one of female, male, other, got '" + p.sex() + "'", "profile.sex");
    }
    String occupation = p.occupation() == null && realPerson ? null : text(p.occupation(), "profile.occupation", 60);
    List<String> interests = new ArrayList<>();
    if (p.interests() != null) {
      if (p.interests().size() > 20) {
        throw ApiException.badRequest("profile.interests may have at most 20 entries", "profile.interests");
      }
      for (String interest : p.interests()) {
        interests.add(text(interest, "profile.interests", 40));
      }
    }
    return new Profile(name, p.age(), p.sex(), occupation, interests, timezone(p.timezone()));
  }

  static String name(String name) {
    return text(name, "profile.name", 100);
  }

  /** The zone's id, UTC when none is given. */
  static String timezone(String timezone) {
    String zone = timezone == null ? "UTC" : timezone;
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw ApiException.badRequest(
          "profile.timezone must be an IANA zone id like Europe/Paris, got '" + zone + "'", "profile.timezone");
    }
    return zone;
  }

  static Personality personality(TwinRequest.PersonalityInput p) {
    if (p == null) {
      throw ApiException.badRequest("personality is required", "personality");
    }
    return new Personality(
        trait(p.openness(), "openness"),
        trait(p.conscientiousness(), "conscientiousness"),
        trait(p.extraversion(), "extraversion"),
        trait(p.agreeableness(), "agreeableness"),
        trait(p.neuroticism(), "neuroticism"));
  }

  static String reason(String reason) {
    if (reason == null) {
      return null;
    }
    if (reason.length() > 200) {
      throw ApiException.badRequest("reason must be at most 200 characters", "reason");
    }
    return reason;
  }

  private static double trait(Double value, String name) {
    String field = "personality." + name;
    if (value == null) {
      throw ApiException.badRequest(field + " is required", field);
    }
    if (!Double.isFinite(value) || value < 0 || value > 1) {
      throw ApiException.badRequest(field + " must be in [0, 1], got " + value, field);
    }
    return value;
  }

  private static String text(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(field + " is required", field);
    }
    String trimmed = value.trim();
    if (trimmed.length() > max) {
      throw ApiException.badRequest(field + " must be at most " + max + " characters", field);
    }
    if (!TEXT.matcher(trimmed).matches()) {
      throw ApiException.badRequest(field + " has characters that are not allowed", field);
    }
    return trimmed;
  }
}
