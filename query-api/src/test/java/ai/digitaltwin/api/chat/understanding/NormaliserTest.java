package ai.digitaltwin.api.chat.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NormaliserTest {
  private static final Metrics METRICS = Metrics.load();
  private static final Spelling SPELLING =
      Spelling.load(Map.of("yesterday", 3, "oxygen", 2, "sleep", 9, "step", 1, "pulse", 4, "plus", 1, "temperature", 2));
  private static final Normaliser NORMALISER = new Normaliser(SPELLING, METRICS);

  @Test
  void correctsMisspeltWordsTowardsTheDomain() {
    assertThat(NORMALISER.normalise("what was ur oxigen yesturday?").text()).isEqualTo("what was ur oxygen yesterday");
    assertThat(NORMALISER.normalise("how much did u slep").text()).isEqualTo("how much did u sleep");
    assertThat(NORMALISER.normalise("temprature").text()).isEqualTo("temperature");
  }

  @Test
  void leavesEnglishWordsAlone() {
    assertThat(NORMALISER.normalise("Did it ever rain while talking?").text()).isEqualTo("did it ever rain while talking");
  }

  @Test
  void findsMetricsBySynonymAndNearMiss() {
    assertThat(NORMALISER.normalise("hows your hart rate").metrics()).extracting(Metric::key).containsExactly("heart_rate");
    assertThat(NORMALISER.normalise("pulse and blod pressure").metrics()).extracting(Metric::key)
        .containsExactly("heart_rate", "blood_pressure");
    assertThat(NORMALISER.normalise("oxygen level and breathing").metrics()).extracting(Metric::key)
        .containsExactly("spo2", "breathing");
    assertThat(NORMALISER.normalise("heart rate variability").metrics()).extracting(Metric::key).containsExactly("hrv");
    assertThat(NORMALISER.normalise("did you ever get a fever").metrics()).extracting(Metric::key).containsExactly("temperature");
  }

  @Test
  void masksVitalsForTheClassifierOnly() {
    Message message = NORMALISER.normalise("is your temperature rising");
    assertThat(message.classifierText()).isEqualTo("is your heart rate rising");
    assertThat(message.text()).isEqualTo("is your temperature rising");
    assertThat(NORMALISER.normalise("how many steps").classifierText()).isEqualTo("how many steps");
  }

  @Test
  void everyIntentHasAtLeastSixExemplars() {
    Map<String, Long> counts = Resources.tsv("chat/intents.tsv", 2).stream()
        .collect(java.util.stream.Collectors.groupingBy(row -> row[0].split("/")[0], java.util.stream.Collectors.counting()));
    for (Intent intent : Intent.values()) {
      if (intent == Intent.CLARIFY) {
        continue; // never recognised from a message alone: a follow-up with nothing to follow
      }
      assertThat(counts.getOrDefault(intent.wireName(), 0L)).as(intent.wireName()).isGreaterThanOrEqualTo(6);
    }
    assertThat(counts.keySet()).allSatisfy(Intent::parse);
  }
}
