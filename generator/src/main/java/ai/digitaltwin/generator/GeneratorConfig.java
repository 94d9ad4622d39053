package ai.digitaltwin.generator;

import static ai.digitaltwin.generator.ConfigKey.*;

import ai.digitaltwin.config.Env;
import java.time.Instant;
import java.util.List;

/**
 * The generator's configuration, from environment variables and flags (the main lays the flags over the
 * environment: flags win); every key, its flag and default are in {@link ConfigKey}. Bad values fail at
 * start-up with a message naming the key.
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
    return fromEnv(Env.empty());
  }

  /** Reads the keys of {@link ConfigKey}, each with the default the table documents; other names are ignored. */
  public static GeneratorConfig fromEnv(Env env) {
    return new GeneratorConfig(
        env.string(KAFKA_BOOTSTRAP_SERVERS.name(), KAFKA_BOOTSTRAP_SERVERS.defaultValue()),
        env.matching(GENERATOR_ID.name(), GENERATOR_ID.defaultValue(), "[A-Za-z0-9._-]+",
            "made of letters, digits, '.', '_' or '-'"),
        env.longInteger(GENERATOR_SEED.name(), Long.parseLong(GENERATOR_SEED.defaultValue()), Long.MIN_VALUE,
            Long.MAX_VALUE),
        integer(env, GENERATOR_TWINS, 0, 1_000_000),
        integer(env, GENERATOR_INTERVAL_SECONDS, 1, 86_400),
        env.positiveNumber(GENERATOR_SPEED.name(), Double.parseDouble(GENERATOR_SPEED.defaultValue())),
        integer(env, GENERATOR_BACKFILL_DAYS, 0, 3650),
        start(env),
        instant(env, GENERATOR_END),
        rate(env, GENERATOR_ANOMALY_RATE, 1000),
        rate(env, GENERATOR_LATE_RATE, 1),
        rate(env, GENERATOR_DUPLICATE_RATE, 1),
        integer(env, GENERATOR_BEHAVIOR_STEP_MINUTES, 0, 1440),
        integer(env, GENERATOR_BATCH_RECORDS, 1, 10_000_000));
  }

  /** {@code GENERATOR_START}, or null: the backfill's command line needs it before the rest. */
  static Instant start(Env env) {
    return instant(env, GENERATOR_START);
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

  private static int integer(Env env, ConfigKey key, int min, int max) {
    return env.integer(key.name(), Integer.parseInt(key.defaultValue()), min, max);
  }

  private static double rate(Env env, ConfigKey key, double max) {
    return env.number(key.name(), Double.parseDouble(key.defaultValue()), 0, max);
  }

  /** An empty default (start, end) is no instant. */
  private static Instant instant(Env env, ConfigKey key) {
    return env.parsed(key.name(), null, "an ISO-8601 instant like 2026-01-01T00:00:00Z", Instant::parse);
  }
}
