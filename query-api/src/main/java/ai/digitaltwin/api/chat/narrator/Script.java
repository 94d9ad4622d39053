package ai.digitaltwin.api.chat.narrator;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the narrator is given for one reply, and nothing more.
 *
 * @param question the user's message
 * @param speaker who answers
 * @param reply the twin's own reply: the facts as it states them, in its voice
 * @param evidence the rows of each query the reply was answered from, in order
 */
public record Script(String question, Speaker speaker, String reply, List<List<Map<String, Object>>> evidence) {
  public Script {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(speaker, "speaker");
    Objects.requireNonNull(reply, "reply");
    evidence = List.copyOf(evidence);
  }

  /**
   * The twin as the narrator is to play it: traits in [0, 1], mood label (null when unknown).
   *
   * @param age null when unknown
   * @param occupation null when unknown
   */
  public record Speaker(String name, Integer age, String occupation, double openness, double conscientiousness,
      double extraversion, double agreeableness, double neuroticism, String mood) {}
}
