package ai.digitaltwin.generator;

/**
 * Every setting of the generator: its environment variable, its command-line flag, its default and what
 * it means. {@code --help} and the README are written from this table.
 */
public enum ConfigKey {
  KAFKA_BOOTSTRAP_SERVERS("--bootstrap-servers", "127.0.0.1:9092", "Kafka brokers to produce to"),
  GENERATOR_ID("--id", "generator",
      "names this generator's Kafka transactions and checkpoint; two generators on one cluster need two ids"),
  GENERATOR_SEED("--seed", "42", "global random seed: the same seed gives the same events, byte for byte"),
  GENERATOR_TWINS("--twins", "5", "demo twins created at first start (demo-001 ...); more come from the registry"),
  GENERATOR_INTERVAL_SECONDS("--interval-seconds", "60", "simulated seconds between two readings of a twin"),
  GENERATOR_SPEED("--speed", "1", "simulated seconds per real second once caught up (60 = one hour per minute)"),
  GENERATOR_BACKFILL_DAYS("--backfill-days", "0",
      "days of history produced at full speed at first start, before going live"),
  GENERATOR_START("--start", "",
      "simulated time of the first reading (ISO-8601 instant); empty: now minus the backfill days"),
  GENERATOR_END("--end", "", "simulated time to stop at (ISO-8601 instant); empty: run until stopped"),
  GENERATOR_ANOMALY_RATE("--anomaly-rate", "1",
      "multiplier of the anomaly rates in anomalies.tsv (0 injects none)"),
  GENERATOR_LATE_RATE("--late-rate", "0", "share of health events held back 1-10 readings (late, out of order)"),
  GENERATOR_DUPLICATE_RATE("--duplicate-rate", "0", "share of health events sent twice with the same event id"),
  GENERATOR_BEHAVIOR_STEP_MINUTES("--behavior-step-minutes", "15",
      "simulated minutes between behaviour step events (0: transitions only)"),
  GENERATOR_BATCH_RECORDS("--batch-records", "1000000",
      "most records in one Kafka transaction while catching up; a transaction also ends after 1 s (a live tick "
          + "is always one transaction)");

  private final String flag;
  private final String defaultValue;
  private final String description;

  ConfigKey(String flag, String defaultValue, String description) {
    this.flag = flag;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  public String flag() {
    return flag;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /** The key a flag sets, or null. */
  public static ConfigKey byFlag(String flag) {
    for (ConfigKey k : values()) {
      if (k.flag.equals(flag)) {
        return k;
      }
    }
    return null;
  }
}
