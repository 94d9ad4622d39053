package ai.digitaltwin.generator;

import static ai.digitaltwin.generator.ConfigKey.*;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The generator's configuration, from environment variables and flags (flags win); every key, its flag
 * and default are in {@link ConfigKey}. Bad values fail at start-up with a message naming the key.
 *
 * @param start simulated time of tick 0, or null for "now minus the backfill days"
 * @param end simulated time to stop at, or null to run until closed
 */
public record GeneratorConfig(
    String bootstrapServers,
    String generatorId,
    long seed,
    int twins,
    int intervalSeconds,
    double speed,
    int backfillDays,
    Instant start,
    Instant end,
    double anomalyRate,
    double lateRate,
    double duplicateRate,
    int behaviorStepMinutes,
    int batchRecords) {

  public GeneratorConfig {
    if (start != null && end != null && !end.isAfter(start)) {
      throw new IllegalArgumentException("GENERATOR_END (" + end + ") must be after GENERATOR_START (" + start + ")");
    }
  }

  public static GeneratorConfig defaults() {
    return fromEnv(Map.of());
  }

  /** Reads the keys of {@link ConfigKey} from an environment; unknown variables are ignored. */
  public static GeneratorConfig fromEnv(Map<String, String> env) {
    return fromEnv(env, Map.of());
  }

  /** Reads an environment, then lets {@code overrides} (key to value, e.g. parsed flags) win. */
  public static GeneratorConfig fromEnv(Map<String, String> env, Map<ConfigKey, String> overrides) {
    Map<ConfigKey, String> v = new HashMap<>();
    for (ConfigKey k : ConfigKey.values()) {
      String value = overrides.containsKey(k) ? overrides.get(k) : env.getOrDefault(k.name(), k.defaultValue());
      v.put(k, value.trim());
    }
    String bootstrap = v.get(KAFKA_BOOTSTRAP_SERVERS);
    if (bootstrap.isEmpty()) {
      throw bad(KAFKA_BOOTSTRAP_SERVERS, "must name at least one host:port", bootstrap);
    }
    String id = v.get(GENERATOR_ID);
    if (!id.matches("[A-Za-z0-9._-]+")) {
      throw bad(GENERATOR_ID, "must be letters, digits, '.', '_' or '-'", id);
    }
    return new GeneratorConfig(bootstrap, id, longValue(v, GENERATOR_SEED),
        intValue(v, GENERATOR_TWINS, 0, 1_000_000), intValue(v, GENERATOR_INTERVAL_SECONDS, 1, 86_400),
        positive(v, GENERATOR_SPEED), intValue(v, GENERATOR_BACKFILL_DAYS, 0, 3650),
        instant(v, GENERATOR_START), instant(v, GENERATOR_END), rate(v, GENERATOR_ANOMALY_RATE, 1000),
        rate(v, GENERATOR_LATE_RATE, 1), rate(v, GENERATOR_DUPLICATE_RATE, 1),
        intValue(v, GENERATOR_BEHAVIOR_STEP_MINUTES, 0, 1440), intValue(v, GENERATOR_BATCH_RECORDS, 1, 10_000_000));
  }

  /** Ticks between behaviour step events (0: none), at least one when enabled. */
  public int behaviorStepTicks() {
    return behaviorStepMinutes == 0 ? 0 : Math.max(1, behaviorStepMinutes * 60 / intervalSeconds);
  }

  public List<String> describe() {
    return List.of("seed=" + seed, "twins=" + twins, "interval=" + intervalSeconds + "s", "speed=" + speed,
        "backfillDays=" + backfillDays, "start=" + (start == null ? "now-backfill" : start),
        "end=" + (end == null ? "none" : end), "kafka=" + bootstrapServers);
  }

  private static IllegalArgumentException bad(ConfigKey key, String rule, String value) {
    return new IllegalArgumentException(key.name() + " (" + key.flag() + ") " + rule + ", got '" + value + "'");
  }

  private static long longValue(Map<ConfigKey, String> v, ConfigKey key) {
    try {
      return Long.parseLong(v.get(key));
    } catch (NumberFormatException e) {
      throw bad(key, "must be a whole number", v.get(key));
    }
  }

  private static int intValue(Map<ConfigKey, String> v, ConfigKey key, int min, int max) {
    try {
      int n = Integer.parseInt(v.get(key));
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the rule
    }
    throw bad(key, "must be a whole number from " + min + " to " + max, v.get(key));
  }

  private static double positive(Map<ConfigKey, String> v, ConfigKey key) {
    double d = number(v, key);
    if (!(d > 0) || Double.isInfinite(d)) {
      throw bad(key, "must be a number > 0", v.get(key));
    }
    return d;
  }

  private static double rate(Map<ConfigKey, String> v, ConfigKey key, double max) {
    double d = number(v, key);
    if (!(d >= 0 && d <= max)) {
      throw bad(key, "must be a number from 0 to " + (max == 1 ? "1" : String.valueOf((long) max)), v.get(key));
    }
    return d;
  }

  private static double number(Map<ConfigKey, String> v, ConfigKey key) {
    try {
      return Double.parseDouble(v.get(key));
    } catch (NumberFormatException e) {
      throw bad(key, "must be a number", v.get(key));
    }
  }

  private static Instant instant(Map<ConfigKey, String> v, ConfigKey key) {
    String s = v.get(key);
    if (s.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw bad(key, "must be an ISO-8601 instant like 2026-01-01T00:00:00Z", s);
    }
  }
}
