package ai.digitaltwin.bench.realism;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.bench.detection.DetectionSize;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The generator's people against the vendored real recordings on a small sample (100 twins x 14 days,
 * ~15 s): every statistic of the realism report within its KS bound, and a classifier unable to tell
 * real days from synthetic ones much better than chance.
 */
class RealismTest {
  static final Path SAMPLES = Path.of("../samples/real-wearables");

  @Test
  void syntheticPeopleHoldUpAgainstRealRecordings() throws Exception {
    Realism realism = RealismBench.compare(SAMPLES, new DetectionSize(100, 14, DetectionSize.DEFAULT_SEED));
    System.out.println(RealismBench.table(realism, RealismBench.before()));
    assertThat(realism.statistics()).hasSize(6);
    for (Realism.Statistic s : realism.statistics()) {
      assertThat(s.real()).as("real samples of %s", s.name()).isGreaterThanOrEqualTo(7);
      assertThat(s.ks()).as("KS distance of %s", s.name()).isLessThanOrEqualTo(RealismBench.MAX_KS);
    }
    assertThat(realism.realDays()).isGreaterThan(100);
    assertThat(realism.auc()).as("classifier AUC").isLessThanOrEqualTo(RealismBench.MAX_AUC);
  }
}
