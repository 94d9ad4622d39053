package ai.digitaltwin.flinkapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.digitaltwin.config.Env;
import ai.digitaltwin.jobs.JobConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobArgumentsTest {
  @Test
  void argumentsWinOverTheEnvironment() {
    JobConfig config =
        JobArguments.config(
            Env.of(Map.of("JOB_PARALLELISM", "1", "KAFKA_GROUP_ID", "twin-stream")),
            new String[] {"JOB_PARALLELISM=3", "ICEBERG_REST_URI=http://catalog:8181/a=b"});

    assertThat(config.parallelism()).isEqualTo(3);
    assertThat(config.groupId()).isEqualTo("twin-stream");
    assertThat(config.catalog().restUri()).isEqualTo("http://catalog:8181/a=b");
  }

  @Test
  void anEmptyValueUnsetsTheVariable() {
    assertThat(JobArguments.parse(List.of("GENERATOR_END="))).containsEntry("GENERATOR_END", "");
    assertThat(JobArguments.config(Env.of(Map.of("JOB_PARALLELISM", "4")), new String[] {"JOB_PARALLELISM="})
            .parallelism())
        .isEqualTo(1);
  }

  @Test
  void malformedArgumentsAreRefusedByName() {
    assertThatThrownBy(() -> JobArguments.parse(List.of("--parallelism", "3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("arguments must look like KEY=VALUE with an upper-case KEY, got '--parallelism'");
    assertThatThrownBy(() -> JobArguments.parse(List.of("job_parallelism=3")))
        .hasMessage("arguments must look like KEY=VALUE with an upper-case KEY, got 'job_parallelism=3'");
  }
}
