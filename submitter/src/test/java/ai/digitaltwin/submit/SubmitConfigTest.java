package ai.digitaltwin.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.digitaltwin.config.Env;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmitConfigTest {
  @Test
  void defaults() {
    SubmitConfig config = SubmitConfig.fromEnv(Env.of(Map.of()));
    assertThat(config.restUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
    assertThat(config.jar()).isEqualTo(Path.of("twin-flink-app.jar"));
    assertThat(config.parallelism()).isEqualTo(1);
    assertThat(config.savepointPath()).isNull();
    assertThat(config.timeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.jobArgs()).isEmpty();
    assertThat(config.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(config.partitions()).isEqualTo(4);
    assertThat(config.replication()).isEqualTo((short) 3);
    assertThat(config.rollupInterval()).isZero();
    assertThat(SubmitConfig.fromEnv(Env.of(Map.of("ROLLUP_INTERVAL_SECONDS", "3600"))).rollupInterval()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void forwardsTheJobsKeysButNeverCredentials() {
    SubmitConfig config =
        SubmitConfig.fromEnv(Env.of(
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092",
                "JOB_PARALLELISM", "4",
                "ICEBERG_CATALOG", "rest",
                "ICEBERG_S3_SECRET_ACCESS_KEY", "hidden",
                "AWS_SECRET_ACCESS_KEY", "hidden",
                "JOB_EXTRA_ARGS", "DEDUP_HORIZON_MS=60000  SOME_NEW_KEY=x")));

    assertThat(config.parallelism()).isEqualTo(4);
    assertThat(config.jobArgs())
        .containsExactly(
            "KAFKA_BOOTSTRAP_SERVERS=kafka-1:9092,kafka-2:9092",
            "JOB_PARALLELISM=4",
            "ICEBERG_CATALOG=rest",
            "DEDUP_HORIZON_MS=60000",
            "SOME_NEW_KEY=x");
    assertThat(String.join(" ", config.jobArgs())).doesNotContain("hidden");
  }

  @Test
  void badValuesAreNamed() {
    assertThatThrownBy(() -> SubmitConfig.fromEnv(Env.of(Map.of("JOB_PARALLELISM", "0"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("JOB_PARALLELISM=0: not an integer >= 1");
    assertThatThrownBy(() -> SubmitConfig.fromEnv(Env.of(Map.of("JOB_EXTRA_ARGS", "verbose"))))
        .hasMessage("JOB_EXTRA_ARGS=verbose: not space-separated KEY=VALUE pairs");
    assertThatThrownBy(() -> SubmitConfig.fromEnv(Env.of(Map.of("ROLLUP_INTERVAL_SECONDS", "-1"))))
        .hasMessage("ROLLUP_INTERVAL_SECONDS=-1: not an integer >= 0");
  }
}
