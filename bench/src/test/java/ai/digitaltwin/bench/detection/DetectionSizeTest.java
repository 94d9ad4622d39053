package ai.digitaltwin.bench.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.digitaltwin.bench.BenchConfig;
import ai.digitaltwin.config.Env;
import org.junit.jupiter.api.Test;

class DetectionSizeTest {
  @Test
  void theIssuesSizeByDefaultAndAnotherOnRequest() {
    assertThat(BenchConfig.parse(new String[0], Env.empty()).detection()).isEqualTo(new DetectionSize(1000, 30, 42));
    assertThat(BenchConfig.parse(new String[] {"--quick"}, Env.empty()).detection()).isEqualTo(new DetectionSize(200, 7, 42));
    assertThat(BenchConfig.parse(new String[] {"--only", "detection", "--detection-size", "50X3", "--seed", "7"}, Env.empty()).detection())
        .isEqualTo(new DetectionSize(50, 3, 7));
    assertThat(BenchConfig.parse(new String[0], Env.empty()).apiSize()).isEqualTo(new DetectionSize(1000, 30, 42));
    assertThat(BenchConfig.parse(new String[] {"--quick"}, Env.empty()).apiSize()).isEqualTo(new DetectionSize(200, 7, 42));
    assertThat(BenchConfig.parse(new String[] {"--only", "api-scale", "--api-size", "20x2"}, Env.empty()).apiSize())
        .isEqualTo(new DetectionSize(20, 2, 42));
  }

  @Test
  void aBadSizeOrSeedSaysWhatIsExpected() {
    assertThatThrownBy(() -> DetectionSize.parse("1000", 42))
        .hasMessage("--detection-size must be TWINSxDAYS (e.g. 1000x30), got '1000'");
    assertThatThrownBy(() -> DetectionSize.parse("0x30", 42))
        .hasMessage("--detection-size needs at least 1 twin and 1 day, got 0x30");
    assertThatThrownBy(() -> DetectionSize.parse("0x30", 42, "--api-size"))
        .hasMessage("--api-size needs at least 1 twin and 1 day, got 0x30");
    assertThatThrownBy(() -> DetectionSize.parse("30", 42, "--api-size"))
        .hasMessage("--api-size must be TWINSxDAYS (e.g. 1000x30), got '30'");
  }

  @Test
  void wilsonIntervalsNarrowWithMoreEpisodes() {
    assertThat(Wilson.interval(9, 10)).isEqualTo("0.596-0.982");
    assertThat(Wilson.interval(900, 1000)).isEqualTo("0.880-0.917");
    assertThat(Wilson.interval(0, 0)).isEqualTo("n/a");
  }
}
