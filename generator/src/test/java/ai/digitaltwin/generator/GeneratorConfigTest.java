package ai.digitaltwin.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.digitaltwin.config.Env;
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
    GeneratorConfig c =
        GeneratorConfig.fromEnv(Env.of(Map.of("GENERATOR_TWINS", "3", "GENERATOR_SEED", "9")).with(flags.settings()));
    assertThat(c.twins()).isEqualTo(7);
    assertThat(c.speed()).isEqualTo(60.0);
    assertThat(c.seed()).isEqualTo(9);
  }

  @Test
  void badValuesNameTheKeyAndTheRule() {
    assertThatThrownBy(() -> config("GENERATOR_INTERVAL_SECONDS", "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("GENERATOR_INTERVAL_SECONDS=0: not an integer in 1..86400");
    assertThatThrownBy(() -> config("GENERATOR_SPEED", "-1"))
        .hasMessage("GENERATOR_SPEED=-1: not a number > 0");
    assertThatThrownBy(() -> config("GENERATOR_LATE_RATE", "1.5"))
        .hasMessage("GENERATOR_LATE_RATE=1.5: not a number in 0..1");
    assertThatThrownBy(() -> config("GENERATOR_START", "yesterday"))
        .hasMessage("GENERATOR_START=yesterday: not an ISO-8601 instant like 2026-01-01T00:00:00Z");
    assertThatThrownBy(() -> GeneratorConfig.fromEnv(Env.of(
        Map.of("GENERATOR_START", "2026-01-02T00:00:00Z", "GENERATOR_END", "2026-01-01T00:00:00Z"))))
        .hasMessage("GENERATOR_END (2026-01-01T00:00:00Z) must be after GENERATOR_START (2026-01-02T00:00:00Z)");
    assertThatThrownBy(() -> config("GENERATOR_ID", "a b"))
        .hasMessage("GENERATOR_ID=a b: not made of letters, digits, '.', '_' or '-'");
    assertThatThrownBy(() -> config("GENERATOR_SEED", "forty-two"))
        .hasMessage("GENERATOR_SEED=forty-two: not an integer");
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
    assertThat(config("GENERATOR_START", "2026-01-01T00:00:00Z").start())
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }

  private static GeneratorConfig config(String name, String value) {
    return GeneratorConfig.fromEnv(Env.of(Map.of(name, value)));
  }
}
