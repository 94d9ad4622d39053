package ai.digitaltwin.api.personality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.digitaltwin.api.error.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Bfi10Test {
  static final ObjectMapper MAPPER = new ObjectMapper();

  static JsonNode answers(String json) throws Exception {
    return MAPPER.readTree(json);
  }

  @Test
  void theItemsAreRammstedtAndJohnsTenTwoPerTraitOneOfEachReversed() {
    assertThat(Bfi10.items()).hasSize(10);
    assertThat(Bfi10.items()).extracting(Bfi10.Item::item).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(Bfi10.items().get(0)).isEqualTo(new Bfi10.Item(1, "is reserved", "extraversion", true));
    assertThat(Bfi10.items().get(8)).isEqualTo(new Bfi10.Item(9, "gets nervous easily", "neuroticism", false));
    for (String trait : new String[] {"openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism"}) {
      assertThat(Bfi10.items().stream().filter(i -> i.trait().equals(trait)))
          .extracting(Bfi10.Item::reversed).containsExactlyInAnyOrder(true, false);
    }
  }

  @Test
  void aReversedItemScoresSixMinusItsAnswerAndATraitIsTheMeanMappedOntoZeroToOne() throws Exception {
    // reserved 1 (-> 5), outgoing 5: extraversion mean 5 -> 1.0; nervous 1 and relaxed 5 (-> 1): neuroticism 0.0
    Map<String, Double> scores = Bfi10.score(answers("[1, 3, 3, 5, 3, 5, 3, 3, 1, 3]"));
    assertThat(scores).containsEntry("extraversion", 1.0).containsEntry("neuroticism", 0.0)
        .containsEntry("agreeableness", 0.5).containsEntry("conscientiousness", 0.5).containsEntry("openness", 0.5);
    // lazy 2 (-> 4), thorough 5: conscientiousness mean 4.5 -> 0.875
    assertThat(Bfi10.score(answers("[3, 3, 2, 3, 3, 3, 3, 5, 3, 3]"))).containsEntry("conscientiousness", 0.875);
  }

  @Test
  void answersOutsideTheScaleOrOfTheWrongCountAreRefusedByName() {
    assertThatThrownBy(() -> Bfi10.score(answers("[1, 2, 3]")))
        .isInstanceOf(ApiException.class)
        .hasMessage("answers must be an array of 10 integers from 1 (disagree strongly) to 5 (agree strongly), in item order");
    assertThatThrownBy(() -> Bfi10.score(null)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> Bfi10.score(answers("[1, 2, 3, 4, 5, 6, 1, 2, 3, 4]")))
        .hasMessage("answers[5] (item 6) must be an integer from 1 to 5, got 6");
    assertThatThrownBy(() -> Bfi10.score(answers("[1, 2, 3, 4, 2.5, 1, 1, 2, 3, 4]")))
        .hasMessage("answers[4] (item 5) must be an integer from 1 to 5, got 2.5");
    assertThatThrownBy(() -> Bfi10.score(answers("[1, 2, 3, 4, \"5\", 1, 1, 2, 3, 4]")))
        .hasMessage("answers[4] (item 5) must be an integer from 1 to 5, got \"5\"");
  }
}
