package ai.digitaltwin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.digitaltwin.config.Env;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void optionsBecomeTheRunAndTheHelpListsEveryOne() {
    BenchConfig c = BenchConfig.parse(new String[] {"--quick", "--only", "real,realism", "--runs=2", "--results", "out"},
        Env.of(Map.of("TWIN_BENCH_CHILD_OPTS", " -XX:+FlightRecorder  -Dx=1 ")));
    assertThat(c.quick()).isTrue();
    assertThat(c.sections()).containsExactlyInAnyOrder("real", "realism");
    assertThat(c.runs()).isEqualTo(2);
    assertThat(c.workDir()).isEqualTo(Path.of("out", "work"));
    assertThat(c.childJvmOptions()).containsExactly("-XX:+FlightRecorder", "-Dx=1");
    assertThat(BenchConfig.parse(new String[0], Env.empty()).sections()).isEqualTo(BenchConfig.ALL);
    assertThat(BenchConfig.parse(new String[0], Env.empty()).childJvmOptions()).isEmpty();

    assertThat(BenchConfig.helpWanted(new String[] {"--quick", "--help"})).isTrue();
    assertThat(BenchConfig.helpWanted(new String[] {"--quick"})).isFalse();
    String usage = BenchOptions.usage();
    for (String option : new String[] {"--quick", "--runs", "--only", "--detection-size", "--seed", "--api-size",
        "--backfill-parallelism", "--realism-size", "--samples", "--results", "--work", "--help"}) {
      assertThat(usage).contains(option);
    }
  }

  @Test
  void badOptionsAreClearErrors() {
    assertThatThrownBy(() -> BenchConfig.parse(new String[] {"--seed", "x"}, Env.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'--seed'").hasMessageContaining("'x'");
    assertThatThrownBy(() -> BenchConfig.parse(new String[] {"--fast"}, Env.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown option: '--fast'");
    assertThatThrownBy(() -> BenchConfig.parse(new String[] {"--only", "everything"}, Env.empty()))
        .hasMessage("unknown section 'everything'; sections are " + String.join(", ", BenchConfig.ALL));
    assertThatThrownBy(() -> BenchConfig.parse(new String[] {"--api-size", "10"}, Env.empty()))
        .hasMessage("--api-size must be TWINSxDAYS (e.g. 1000x30), got '10'");
  }
}
