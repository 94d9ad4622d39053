package ai.digitaltwin.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackConfigTest {
  @Test
  void maintenanceRunsEveryFiveMinutesByDefault() {
    StackConfig config = StackConfig.fromEnv(Map.of());
    assertThat(config.maintenanceInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.compactMinFiles()).isEqualTo(4);
    assertThat(config.snapshotRetention()).isEqualTo(Duration.ofHours(1));
    assertThat(config.snapshotRetainLast()).isEqualTo(20);
    assertThat(config.rollupInterval()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void rollupsCanBeTurnedOffButNotGivenNonsense() {
    assertThat(StackConfig.fromEnv(Map.of("ROLLUP_INTERVAL_MS", "0")).rollupInterval()).isZero();
    assertThatThrownBy(() -> StackConfig.fromEnv(Map.of("ROLLUP_INTERVAL_MS", "-5")))
        .hasMessage("ROLLUP_INTERVAL_MS must be 0 or more, got -5");
  }

  @Test
  void maintenanceCanBeTurnedOffButNotGivenNonsense() {
    assertThat(StackConfig.fromEnv(Map.of("MAINTENANCE_INTERVAL_MS", "0")).maintenanceInterval()).isZero();
    assertThatThrownBy(() -> StackConfig.fromEnv(Map.of("MAINTENANCE_INTERVAL_MS", "-1")))
        .hasMessage("MAINTENANCE_INTERVAL_MS must be 0 or more, got -1");
    assertThatThrownBy(() -> StackConfig.fromEnv(Map.of("SNAPSHOT_RETAIN_LAST", "0")))
        .hasMessage("SNAPSHOT_RETAIN_LAST must be a positive integer, got 0");
  }
}
