package ai.digitaltwin.api.twin;

import java.util.List;

/**
 * Body of {@code POST /twins} and {@code PUT /twins/{id}}: the full profile and personality. A
 * {@code PATCH} body has the same shape with any field left out.
 */
public record TwinRequest(ProfileInput profile, PersonalityInput personality, String reason, Long seed) {
  /** Who the person is. */
  public record ProfileInput(
      String name, Integer age, String sex, String occupation, List<String> interests, String timezone) {}

  /** Big Five traits, each in [0, 1]. */
  public record PersonalityInput(
      Double openness, Double conscientiousness, Double extraversion, Double agreeableness, Double neuroticism) {}
}
