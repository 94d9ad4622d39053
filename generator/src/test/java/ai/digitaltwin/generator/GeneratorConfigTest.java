package ai.digitaltwin.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.digitaltwin.generator.cli.Flags;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratorConfigTest {
  @Test
  void defaultsAreDocumented() {
    GeneratorConfig c = GeneratorConfig.defaults();
    assertThat(c.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(c.seed()).isEqualTo(42);
    assertThat(c.twins()).isEqualTo(5);
    assertThat(c.intervalSeconds()).isEqualTo(60);
    assertThat(c.speed()).isEqualTo(1.0);
    assertThat(c.backfillDays()).isZero();
    assertThat(c.start()).isNull();
    assertThat(c.end()).isNull();
    assertThat(c.behaviorStepTicks()).isEqualTo(15);
  }

  @Test
  void flagsWinOverTheEnvironment() {
    Flags flags = Flags.parse(List.of("--twins", "7", "--speed=60"));
    GeneratorConfig c = GeneratorConfig.fromEnv(Map.of("GENERATOR_TWINS", "3", "GENERATOR_SEED", "9"), flags.values());
    assertThat(c.twins()).isEqualTo(7);
    assertThat(c.speed()).isEqualTo(60.0);
    assertThat(c.seed()).isEqualTo(9);
  }

  @Test
  void badValuesNameTheKeyAndTheRule() {
    assertThatThrownBy(() -> GeneratorConfig.fromEnv(Map.of("GENERATOR_INTERVAL_SECONDS", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("GENERATOR_INTERVAL_SECONDS (--interval-seconds) must be a whole number from 1 to 86400, got '0'");
    assertThatThrownBy(() -> GeneratorConfig.fromEnv(Map.of("GENERATOR_SPEED", "-1")))
        .hasMessage("GENERATOR_SPEED (--speed) must be a number > 0, got '-1'");
    assertThatThrownBy(() -> GeneratorConfig.fromEnv(Map.of("GENERATOR_LATE_RATE", "1.5")))
        .hasMessage("GENERATOR_LATE_RATE (--late-rate) must be a number from 0 to 1, got '1.5'");
    assertThatThrownBy(() -> GeneratorConfig.fromEnv(Map.of("GENERATOR_START", "yesterday")))
        .hasMessage("GENERATOR_START (--start) must be an ISO-8601 instant like 2026-01-01T00:00:00Z, got 'yesterday'");
    assertThatThrownBy(() -> GeneratorConfig.fromEnv(
        Map.of("GENERATOR_START", "2026-01-02T00:00:00Z", "GENERATOR_END", "2026-01-01T00:00:00Z")))
        .hasMessage("GENERATOR_END (2026-01-01T00:00:00Z) must be after GENERATOR_START (2026-01-02T00:00:00Z)");
    assertThatThrownBy(() -> GeneratorConfig.fromEnv(Map.of("GENERATOR_ID", "a b")))
        .hasMessage("GENERATOR_ID (--id) must be letters, digits, '.', '_' or '-', got 'a b'");
  }

  @Test
  void helpListsEveryKeyWithItsDefault() {
    String help = Flags.usage();
    for (ConfigKey k : ConfigKey.values()) {
      assertThat(help).contains(k.name()).contains(k.flag());
    }
    assertThat(help).contains("--days N").contains("default 127.0.0.1:9092");
  }

  @Test
  void startIsParsed() {
    assertThat(GeneratorConfig.fromEnv(Map.of("GENERATOR_START", "2026-01-01T00:00:00Z")).start())
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }
}
