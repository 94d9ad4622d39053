package ai.digitaltwin.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.digitaltwin.config.Env;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackConfigTest {
  @Test
  void maintenanceRunsEveryFiveMinutesByDefault() {
    StackConfig config = config(Map.of());
    assertThat(config.maintenanceInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.maintenance().compactMinFiles()).isEqualTo(4);
    assertThat(config.maintenance().snapshotRetention()).isEqualTo(Duration.ofHours(1));
    assertThat(config.maintenance().snapshotRetainLast()).isEqualTo(20);
    assertThat(config.rollupInterval()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void theBrokerAndTheDataDirectoryHaveDefaults() {
    StackConfig config = config(Map.of());
    assertThat(config.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
    assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(config.controllerPort()).isEqualTo(9093);
    assertThat(config.partitions()).isEqualTo(2);
    assertThat(config.maintenanceBulkRate()).isEqualTo(2000);
    assertThatThrownBy(() -> config(Map.of("KAFKA_PARTITIONS", "65")))
        .hasMessage("KAFKA_PARTITIONS=65: not an integer in 1..64");
    assertThatThrownBy(() -> config(Map.of("KAFKA_CONTROLLER_PORT", "9092")))
        .hasMessage("KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ");
  }

  @Test
  void rollupsCanBeTurnedOffButNotGivenNonsense() {
    assertThat(config(Map.of("ROLLUP_INTERVAL_MS", "0")).rollupInterval()).isZero();
    assertThatThrownBy(() -> config(Map.of("ROLLUP_INTERVAL_MS", "-5")))
        .hasMessage("ROLLUP_INTERVAL_MS=-5: not an integer >= 0");
  }

  @Test
  void maintenanceCanBeTurnedOffButNotGivenNonsense() {
    assertThat(config(Map.of("MAINTENANCE_INTERVAL_MS", "0")).maintenanceInterval()).isZero();
    assertThatThrownBy(() -> config(Map.of("MAINTENANCE_INTERVAL_MS", "-1")))
        .hasMessage("MAINTENANCE_INTERVAL_MS=-1: not an integer >= 0");
    assertThatThrownBy(() -> config(Map.of("SNAPSHOT_RETAIN_LAST", "0")))
        .hasMessage("SNAPSHOT_RETAIN_LAST=0: not an integer >= 1");
  }

  private static StackConfig config(Map<String, String> env) {
    return StackConfig.fromEnv(Env.of(env));
  }
}
