package ai.digitaltwin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTest {
  @Test
  void unsetEmptyAndBlankAllGiveTheDefault() {
    for (Env env : List.of(Env.empty(), Env.of(Map.of("N", "")), Env.of(Map.of("N", "   ")))) {
      assertThat(env.integer("N", 7, 1, 64)).isEqualTo(7);
      assertThat(env.string("N", "x")).isEqualTo("x");
      assertThat(env.secret("N")).isEmpty();
      assertThat(env.bool("N", true)).isTrue();
      assertThat(env.duration("N", ChronoUnit.MILLIS, 250, 1, Long.MAX_VALUE)).isEqualTo(Duration.ofMillis(250));
      assertThat(env.list("N", ",")).isEmpty();
    }
  }

  @Test
  void valuesAreTrimmedButSecretsAreTakenAsGiven() {
    Env env = Env.of(Map.of("HOST", " 0.0.0.0 ", "PASSWORD", " pass word "));
    assertThat(env.string("HOST", "127.0.0.1")).isEqualTo("0.0.0.0");
    assertThat(env.secret("PASSWORD")).contains(" pass word ");
  }

  @Test
  void aBadValueNamesTheVariableTheValueAndWhatIsAllowed() {
    Env env = Env.of(Map.of("JOB_PARALLELISM", "abc", "PORT", "70000", "SIZE", "0"));
    assertThatThrownBy(() -> env.integer("JOB_PARALLELISM", 1, 1, 64))
        .isInstanceOf(BadSettingException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("JOB_PARALLELISM=abc: not an integer in 1..64");
    assertThatThrownBy(() -> env.integer("PORT", 8000, 0, 65535))
        .hasMessage("PORT=70000: not an integer in 0..65535");
    assertThatThrownBy(() -> env.integer("SIZE", 1, 1, Integer.MAX_VALUE))
        .hasMessage("SIZE=0: not an integer >= 1");
    BadSettingException e = catchThrowableOfType(BadSettingException.class, () -> env.integer("PORT", 8000, 0, 65535));
    assertThat(e.name()).isEqualTo("PORT");
    assertThat(e.value()).isEqualTo("70000");
    assertThat(e.allowed()).isEqualTo("an integer in 0..65535");
  }

  @Test
  void integersStayWithinTheirType() {
    Env env = Env.of(Map.of("N", "3000000000", "L", "3000000000"));
    assertThatThrownBy(() -> env.integer("N", 1, 1, Integer.MAX_VALUE)).hasMessage("N=3000000000: not an integer >= 1");
    assertThat(env.longInteger("L", 1, 1, Long.MAX_VALUE)).isEqualTo(3_000_000_000L);
    assertThatThrownBy(() -> Env.of(Map.of("SEED", "x")).longInteger("SEED", 42, Long.MIN_VALUE, Long.MAX_VALUE))
        .hasMessage("SEED=x: not an integer");
  }

  @Test
  void numbers() {
    Env env = Env.of(Map.of("RATE", "0.25", "TOO_HIGH", "1.5", "SPEED", "60", "ZERO", "0", "INF", "Infinity"));
    assertThat(env.number("RATE", 0, 0, 1)).isEqualTo(0.25);
    assertThatThrownBy(() -> env.number("TOO_HIGH", 0, 0, 1)).hasMessage("TOO_HIGH=1.5: not a number in 0..1");
    assertThatThrownBy(() -> env.number("RATE", 1, 0.5, 1000)).hasMessage("RATE=0.25: not a number in 0.5..1000");
    assertThat(env.positiveNumber("SPEED", 1)).isEqualTo(60.0);
    assertThatThrownBy(() -> env.positiveNumber("ZERO", 1)).hasMessage("ZERO=0: not a number > 0");
    assertThatThrownBy(() -> env.positiveNumber("INF", 1)).hasMessage("INF=Infinity: not a number > 0");
  }

  @Test
  void booleansInEveryUsualSpelling() {
    Env env = Env.of(Map.of("A", "TRUE", "B", "no", "C", "1", "D", "maybe"));
    assertThat(env.bool("A", false)).isTrue();
    assertThat(env.bool("B", true)).isFalse();
    assertThat(env.bool("C", false)).isTrue();
    assertThatThrownBy(() -> env.bool("D", false)).hasMessage("D=maybe: not true or false");
  }

  @Test
  void durationsInTheUnitTheirNameSays() {
    Env env = Env.of(Map.of("CHECKPOINT_INTERVAL_MS", "2500", "JWT_TTL_MINUTES", "0"));
    assertThat(env.duration("CHECKPOINT_INTERVAL_MS", ChronoUnit.MILLIS, 10_000, 1, Long.MAX_VALUE))
        .isEqualTo(Duration.ofMillis(2500));
    assertThatThrownBy(() -> env.duration("JWT_TTL_MINUTES", ChronoUnit.MINUTES, 60, 1, 10_080))
        .hasMessage("JWT_TTL_MINUTES=0: not an integer in 1..10080");
  }

  @Test
  void allowedValuesIgnoreCaseAndComeBackAsSpelled() {
    Env env = Env.of(Map.of("ICEBERG_CATALOG", "REST", "OTHER", "hive"));
    assertThat(env.oneOf("ICEBERG_CATALOG", "hadoop", "hadoop", "rest")).isEqualTo("rest");
    assertThat(env.oneOf("UNSET", "hadoop", "hadoop", "rest")).isEqualTo("hadoop");
    assertThatThrownBy(() -> env.oneOf("OTHER", "hadoop", "hadoop", "rest")).hasMessage("OTHER=hive: not one of hadoop, rest");
  }

  @Test
  void patternsListsAndOtherTypes() {
    Env env = Env.of(Map.of("ID", "a b", "ONLY", " crash, ,poison ", "START", "yesterday", "AT", "2026-01-01T00:00:00Z"));
    assertThatThrownBy(() -> env.matching("ID", "generator", "[a-z]+", "lower-case letters"))
        .hasMessage("ID=a b: not lower-case letters");
    assertThat(env.matching("UNSET", "generator", "[a-z]+", "lower-case letters")).isEqualTo("generator");
    assertThat(env.list("ONLY", ",")).containsExactly("crash", "poison");
    assertThat(env.parsed("AT", null, "an instant", Instant::parse)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThatThrownBy(() -> env.parsed("START", null, "an instant", Instant::parse)).hasMessage("START=yesterday: not an instant");
  }

  @Test
  void theDataDirectoryIsNamedOnce() {
    assertThat(Env.empty().dataDir()).isEqualTo(Path.of("data"));
    assertThat(Env.of(Map.of("TWIN_DATA_DIR", "/srv/twin")).dataDir()).isEqualTo(Path.of("/srv/twin"));
  }

  @Test
  void overridesWinAndTheOriginalIsUntouched() {
    Map<String, String> source = new HashMap<>(Map.of("GENERATOR_TWINS", "3", "GENERATOR_SEED", "9"));
    Env env = Env.of(source);
    source.put("GENERATOR_SEED", "10");
    Env flags = env.with(Map.of("GENERATOR_TWINS", "7"));
    assertThat(flags.integer("GENERATOR_TWINS", 5, 0, 100)).isEqualTo(7);
    assertThat(flags.integer("GENERATOR_SEED", 42, 0, 100)).isEqualTo(9);
    assertThat(env.integer("GENERATOR_TWINS", 5, 0, 100)).isEqualTo(3);
  }

  @Test
  void prefixedNamesKeepTheirValuesAsGiven() {
    Env env = Env.of(Map.of("CATALOG_WAREHOUSE", "s3://w/", "CATALOG_KEY", " k ", "CATALOG_", "x", "CATALOG_EMPTY", ""));
    assertThat(env.startingWith("CATALOG_")).containsExactly(Map.entry("CATALOG_KEY", " k "), Map.entry("CATALOG_WAREHOUSE", "s3://w/"));
  }

  @Test
  void printsNamesNeverValues() {
    assertThat(Env.of(Map.of("JWT_SECRET", "hidden-value")).toString()).isEqualTo("Env[JWT_SECRET]");
  }
}
