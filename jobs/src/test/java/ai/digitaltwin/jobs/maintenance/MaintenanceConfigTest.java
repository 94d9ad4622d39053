package ai.digitaltwin.jobs.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.digitaltwin.config.Env;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaintenanceConfigTest {
  @Test
  void defaultsAreDocumented() {
    assertThat(MaintenanceConfig.fromEnv(Env.empty())).isEqualTo(new MaintenanceConfig(4, Duration.ofHours(1), 20));
  }

  @Test
  void readsEveryKeyAndRefusesNonsense() {
    assertThat(MaintenanceConfig.fromEnv(Env.of(Map.of(
            "COMPACT_MIN_FILES", "2", "SNAPSHOT_RETENTION_MS", "60000", "SNAPSHOT_RETAIN_LAST", "5"))))
        .isEqualTo(new MaintenanceConfig(2, Duration.ofMinutes(1), 5));
    assertThatThrownBy(() -> MaintenanceConfig.fromEnv(Env.of(Map.of("SNAPSHOT_RETAIN_LAST", "0"))))
        .hasMessage("SNAPSHOT_RETAIN_LAST=0: not an integer >= 1");
    assertThatThrownBy(() -> new MaintenanceConfig(0, Duration.ofHours(1), 20))
        .hasMessage("COMPACT_MIN_FILES must be at least 1, got 0");
  }
}
