package ai.digitaltwin.api.twin;

import ai.digitaltwin.api.error.ApiException;
import java.util.List;

/**
 * Body of {@code POST /twins} and {@code PUT /twins/{id}}: the full profile and personality. A
 * {@code PATCH} body has the same shape with any field left out.
 *
 * <p>Two shapes are read: ours, with the profile nested ({@code {"profile": {"name": ...}, "personality":
 * {...}}}), and the flat one of the system this API replaces ({@code {"name": "My Twin", "personality":
 * {...}}}), whose profile fields sit at the top level. That one named only the twin, so a flat body may
 * leave out what it never had: age {@value #DEFAULT_AGE}, sex "{@value #DEFAULT_SEX}", occupation
 * "{@value #DEFAULT_OCCUPATION}" (ordinary working hours) and UTC.
 */
public record TwinRequest(
    ProfileInput profile,
    PersonalityInput personality,
    String reason,
    Long seed,
    String name,
    Integer age,
    String sex,
    String occupation,
    List<String> interests,
    String timezone) {
  static final int DEFAULT_AGE = 35;
  static final String DEFAULT_SEX = "other";
  static final String DEFAULT_OCCUPATION = "Unspecified";
  /** The profile fields that may sit at the top level. */
  static final List<String> FLAT_FIELDS = List.of("name", "age", "sex", "occupation", "interests", "timezone");

  /** Who the person is. */
  public record ProfileInput(
      String name, Integer age, String sex, String occupation, List<String> interests, String timezone) {}

  /** Big Five traits, each in [0, 1]. */
  public record PersonalityInput(
      Double openness, Double conscientiousness, Double extraversion, Double agreeableness, Double neuroticism) {}

  /** The profile of either shape; a 400 when a body mixes them. */
  ProfileInput profileInput() {
    boolean flat = name != null || age != null || sex != null || occupation != null || interests != null || timezone != null;
    if (!flat) {
      return profile;
    }
    if (profile != null) {
      throw ApiException.badRequest(
          "Give the profile either as the object profile or as top-level fields (" + String.join(", ", FLAT_FIELDS)
              + "), not both", "profile");
    }
    return new ProfileInput(
        name,
        age == null ? DEFAULT_AGE : age,
        sex == null ? DEFAULT_SEX : sex,
        occupation == null ? DEFAULT_OCCUPATION : occupation,
        interests,
        timezone);
  }
}
