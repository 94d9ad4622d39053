package ai.digitaltwin.api.chat.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SentimentScorerTest {
  private static final SentimentScorer SCORER = SentimentScorer.load();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "not good | negative",
      "Not good at all. | negative",
      "I am NOT good | negative",
      "I'm not happy | negative",
      "i dont feel good | negative",
      "I'm not feeling well today | negative",
      "Hardly happy with how things are | negative",
      "I feel terrible | negative",
      "I'm so tired and stressed | negative",
      "I'm happy | positive",
      "This is great, thank you! | positive",
      "never been better | positive",
      "I couldn't be happier | positive",
      "How did you sleep last night? | neutral",
      "What is your blood pressure right now? | neutral",
      "Any alerts this week? | neutral",
  })
  void labels(String text, String label) {
    assertThat(SCORER.score(text).label()).isEqualTo(label);
  }

  @ParameterizedTest(name = "{0} is not negative")
  @CsvSource(delimiter = '|', value = {
      "not bad",
      "Not bad at all",
      "It isn't bad",
      "not terrible",
      "Not awful",
      "I'm not sad",
      "no problem",
      "I can't complain",
  })
  void negatedNegativesAreNotNegative(String text) {
    Sentiment sentiment = SCORER.score(text);
    assertThat(sentiment.label()).isNotEqualTo("negative");
    assertThat(sentiment.score()).isGreaterThan(-SentimentScorer.THRESHOLD);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"good | not good", "happy | not happy", "great | not great"})
  void negationFlipsTheSign(String plain, String negated) {
    assertThat(SCORER.score(plain).score()).isPositive();
    assertThat(SCORER.score(negated).score()).isNegative();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"???", "...", "ok"})
  void oddInputStillScores(String text) {
    assertThat(SCORER.score(text).score()).isBetween(-1.0, 1.0);
  }
}
