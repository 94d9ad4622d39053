package ai.digitaltwin.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.digitaltwin.config.Env;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobConfigTest {
  static final Map<String, String> DATA = Map.of("TWIN_DATA_DIR", "/srv/twin");

  @Test
  void defaultsNeedNoEnvironment() {
    JobConfig config = JobConfig.fromEnv(Env.of(DATA));
    assertThat(config.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(config.groupId()).isEqualTo("twin-stream");
    assertThat(config.checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.parallelism()).isEqualTo(1);
    assertThat(config.maxOutOfOrderness()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.sourceIdleness()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.dedupHorizon()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.snapshotInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.hotPathEnabled()).isTrue();
    assertThat(config.catalog().type()).isEqualTo("hadoop");
    assertThat(config.catalog().warehouse()).isEqualTo("/srv/twin/warehouse");
  }

  @Test
  void readsEveryKey() {
    JobConfig config =
        JobConfig.fromEnv(
            Env.of(DATA).with(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "KAFKA_GROUP_ID", "g1",
                "CHECKPOINT_INTERVAL_MS", "2500",
                "JOB_PARALLELISM", "2",
                "WATERMARK_OUT_OF_ORDERNESS_MS", "1000",
                "SOURCE_IDLENESS_MS", "2000",
                "DEDUP_HORIZON_MS", "3000",
                "STATE_SNAPSHOT_INTERVAL_MS", "4000",
                "HOT_PATH_ENABLED", "false",
                "ICEBERG_WAREHOUSE", "/w")));
    assertThat(config)
        .isEqualTo(
            new JobConfig(
                "kafka:9092", "g1", Duration.ofMillis(2500), 2, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(3), Duration.ofSeconds(4), false, config.catalog()));
    assertThat(config.catalog().warehouse()).isEqualTo("/w");
  }

  @Test
  void rejectsBadValuesNamingTheKey() {
    assertThatThrownBy(() -> JobConfig.fromEnv(Env.of(Map.of("CHECKPOINT_INTERVAL_MS", "soon"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("CHECKPOINT_INTERVAL_MS=soon: not an integer >= 1");
    assertThatThrownBy(() -> JobConfig.fromEnv(Env.of(Map.of("JOB_PARALLELISM", "0"))))
        .hasMessage("JOB_PARALLELISM=0: not an integer >= 1");
    assertThatThrownBy(() -> JobConfig.fromEnv(Env.of(Map.of("HOT_PATH_ENABLED", "maybe"))))
        .hasMessage("HOT_PATH_ENABLED=maybe: not true or false");
    assertThatThrownBy(() -> JobConfig.fromEnv(Env.of(Map.of("ICEBERG_CATALOG", "hive"))))
        .hasMessage("ICEBERG_CATALOG=hive: not one of hadoop, rest");
  }
}
