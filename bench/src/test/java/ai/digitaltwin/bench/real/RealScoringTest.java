package ai.digitaltwin.bench.real;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.jobs.backtest.RealScore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two labelled people with heart rate through the stream job's health operator on a MiniCluster,
 * scored beside the nightly reference rule on the same readings: the detectors must flag at least as many
 * before symptom onset and raise no more false-alarm days.
 */
class RealScoringTest {
  static final Path SAMPLES = Path.of("..", "samples", "real-wearables");

  @Test
  void theDetectorsDoAtLeastAsWellAsTheReferenceRuleOnTheLabelledPeople() throws Exception {
    RealScoring.Result r = RealScoring.run(SAMPLES, List.of("A4G0044", "AS2MVDL"), 2);
    assertThat(r.detector()).extracting(RealScore.Person::person).containsExactly("A4G0044", "AS2MVDL");
    assertThat(r.detector()).allSatisfy(p -> assertThat(p.days()).isGreaterThan(30));
    assertThat(r.reference()).extracting(RealScore.Person::days)
        .containsExactlyElementsOf(r.detector().stream().map(RealScore.Person::days).toList());
    String table = RealBench.table(r);
    RealScore.Summary detectors = r.detectorSummary();
    RealScore.Summary reference = r.referenceSummary();
    assertThat(detectors.flagged()).as(table).isGreaterThanOrEqualTo(reference.flagged());
    assertThat(detectors.alertDays()).as(table).isLessThanOrEqualTo(reference.alertDays());
    // the recordings have hours-long wear gaps (charging, not worn): none is a sensor drop-out
    assertThat(r.episodes().get("A4G0044")).doesNotContainKeys("sensor_dropout");
    assertThat(r.episodes().get("AS2MVDL")).doesNotContainKeys("sensor_dropout");
  }
}
