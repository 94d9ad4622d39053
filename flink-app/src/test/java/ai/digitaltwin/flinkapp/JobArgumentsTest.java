package ai.digitaltwin.flinkapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobArgumentsTest {
  @Test
  void argumentsWinOverTheEnvironment() {
    Map<String, String> settings =
        JobArguments.overlay(
            Map.of("JOB_PARALLELISM", "1", "KAFKA_GROUP_ID", "twin-stream"),
            List.of("JOB_PARALLELISM=3", "ICEBERG_REST_URI=http://catalog:8181/a=b"));

    assertThat(settings)
        .containsEntry("JOB_PARALLELISM", "3")
        .containsEntry("KAFKA_GROUP_ID", "twin-stream")
        .containsEntry("ICEBERG_REST_URI", "http://catalog:8181/a=b");
  }

  @Test
  void anEmptyValueIsKept() {
    assertThat(JobArguments.overlay(Map.of(), List.of("GENERATOR_END="))).containsEntry("GENERATOR_END", "");
  }

  @Test
  void malformedArgumentsAreRefusedByName() {
    assertThatThrownBy(() -> JobArguments.overlay(Map.of(), List.of("--parallelism", "3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("arguments must look like KEY=VALUE with an upper-case KEY, got '--parallelism'");
    assertThatThrownBy(() -> JobArguments.overlay(Map.of(), List.of("job_parallelism=3")))
        .hasMessage("arguments must look like KEY=VALUE with an upper-case KEY, got 'job_parallelism=3'");
  }
}
