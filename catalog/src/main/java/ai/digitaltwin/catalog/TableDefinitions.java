package ai.digitaltwin.catalog;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import ai.digitaltwin.schemas.Tables;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.types.Types;

/**
 * The Iceberg schema, partitioning and sort order of every table. Event tables are partitioned by day of
 * event time (what the queries filter on) and sorted by (twin, time), the order compaction writes so
 * that one twin's rows sit together in few row groups.
 */
public final class TableDefinitions {
  public record Definition(String name, Schema schema, PartitionSpec spec, SortOrder sortOrder) {}

  private static final Types.TimestampType TS = Types.TimestampType.withZone();

  public static final Schema HEALTH_EVENTS =
      new Schema(
          required(1, "event_id", Types.StringType.get()),
          required(2, "twin_id", Types.StringType.get()),
          required(3, "ts", TS),
          optional(4, "heart_rate", Types.DoubleType.get(), "beats per minute"),
          optional(5, "systolic_bp", Types.DoubleType.get(), "mmHg"),
          optional(6, "diastolic_bp", Types.DoubleType.get(), "mmHg"),
          optional(7, "spo2", Types.DoubleType.get(), "percent"),
          optional(8, "body_temp_c", Types.DoubleType.get(), "degrees Celsius"),
          optional(9, "resp_rate", Types.DoubleType.get(), "breaths per minute"),
          optional(10, "hrv_ms", Types.DoubleType.get(), "RMSSD, ms"),
          required(11, "steps", Types.IntegerType.get()),
          optional(12, "stress", Types.DoubleType.get()),
          optional(13, "energy", Types.DoubleType.get()),
          optional(14, "activity", Types.StringType.get()),
          required(15, "source", Types.StringType.get()),
          optional(16, "kafka_partition", Types.IntegerType.get()),
          optional(17, "kafka_offset", Types.LongType.get()));

  public static final Schema BEHAVIOR_EVENTS =
      new Schema(
          required(1, "event_id", Types.StringType.get()),
          required(2, "twin_id", Types.StringType.get()),
          required(3, "ts", TS),
          required(4, "kind", Types.StringType.get()),
          required(5, "activity", Types.StringType.get()),
          optional(6, "previous_activity", Types.StringType.get()),
          required(7, "duration_min", Types.DoubleType.get()),
          required(8, "steps", Types.IntegerType.get()),
          required(9, "energy", Types.DoubleType.get()),
          required(10, "stress", Types.DoubleType.get()));

  public static final Schema TWIN_STATE =
      new Schema(
          required(1, "event_id", Types.StringType.get()),
          required(2, "twin_id", Types.StringType.get()),
          required(3, "ts", TS),
          required(4, "readings", Types.LongType.get()),
          optional(5, "heart_rate", Types.DoubleType.get()),
          optional(6, "spo2", Types.DoubleType.get()),
          optional(7, "systolic_bp", Types.DoubleType.get()),
          optional(8, "body_temp_c", Types.DoubleType.get()),
          optional(9, "hr_baseline", Types.DoubleType.get()),
          optional(10, "hr_baseline_sd", Types.DoubleType.get()),
          optional(11, "resting_hr", Types.DoubleType.get()),
          required(12, "baseline_confidence", Types.DoubleType.get()),
          optional(13, "activity", Types.StringType.get()),
          optional(14, "mood", Types.StringType.get()),
          optional(15, "mood_score", Types.DoubleType.get()),
          optional(16, "stress", Types.DoubleType.get()),
          optional(17, "energy", Types.DoubleType.get()),
          optional(18, "status", Types.StringType.get()),
          optional(19, "openness", Types.DoubleType.get()),
          optional(20, "conscientiousness", Types.DoubleType.get()),
          optional(21, "extraversion", Types.DoubleType.get()),
          optional(22, "agreeableness", Types.DoubleType.get()),
          optional(23, "neuroticism", Types.DoubleType.get()),
          optional(24, "drift_cause", Types.StringType.get()),
          optional(25, "resting_hr_day", Types.DoubleType.get()),
          optional(26, "steps_today", Types.LongType.get()),
          optional(27, "sleep_hours", Types.DoubleType.get()),
          optional(28, "sleep_regularity", Types.DoubleType.get()),
          optional(29, "activity_mix", Types.StringType.get(), "JSON: share of time per activity"),
          optional(30, "routine", Types.StringType.get(), "JSON: most frequent activity per local hour"),
          optional(31, "chat_sentiment", Types.DoubleType.get()));

  public static final Schema ANOMALIES =
      new Schema(
          required(1, "event_id", Types.StringType.get()),
          required(2, "twin_id", Types.StringType.get()),
          required(3, "ts", TS),
          required(4, "type", Types.StringType.get()),
          required(5, "layer", Types.StringType.get()),
          required(6, "severity", Types.StringType.get()),
          required(7, "score", Types.DoubleType.get()),
          required(8, "start_ts", TS),
          optional(9, "end_ts", TS),
          required(10, "evidence", Types.StringType.get()),
          required(11, "detector_version", Types.StringType.get()));

  public static final Schema CHAT_MESSAGES =
      new Schema(
          required(1, "event_id", Types.StringType.get()),
          required(2, "twin_id", Types.StringType.get()),
          required(3, "ts", TS),
          required(4, "role", Types.StringType.get()),
          optional(5, "user_id", Types.StringType.get()),
          required(6, "text", Types.StringType.get()),
          optional(7, "intent", Types.StringType.get()),
          optional(8, "sentiment_label", Types.StringType.get()),
          optional(9, "sentiment_score", Types.DoubleType.get()));

  public static final Schema TWIN_REGISTRY =
      new Schema(
          required(1, "event_id", Types.StringType.get()),
          required(2, "twin_id", Types.StringType.get()),
          required(3, "ts", TS),
          required(4, "action", Types.StringType.get()),
          optional(5, "name", Types.StringType.get()),
          optional(6, "age", Types.IntegerType.get()),
          optional(7, "sex", Types.StringType.get()),
          optional(8, "occupation", Types.StringType.get()),
          optional(9, "interests", Types.ListType.ofRequired(20, Types.StringType.get())),
          optional(10, "timezone", Types.StringType.get()),
          optional(11, "openness", Types.DoubleType.get()),
          optional(12, "conscientiousness", Types.DoubleType.get()),
          optional(13, "extraversion", Types.DoubleType.get()),
          optional(14, "agreeableness", Types.DoubleType.get()),
          optional(15, "neuroticism", Types.DoubleType.get()),
          optional(16, "owner", Types.StringType.get()),
          optional(17, "seed", Types.LongType.get()),
          optional(18, "reason", Types.StringType.get()));

  public static final Schema GROUND_TRUTH =
      new Schema(
          required(1, "event_id", Types.StringType.get()),
          required(2, "twin_id", Types.StringType.get()),
          required(3, "ts", TS),
          required(4, "type", Types.StringType.get()),
          required(5, "start_ts", TS),
          required(6, "end_ts", TS),
          required(7, "severity", Types.DoubleType.get()));

  public static final Schema DEAD_LETTERS =
      new Schema(
          required(1, "event_id", Types.StringType.get(), "derived from topic, partition and offset"),
          required(2, "ts", TS, "when the record was read"),
          required(3, "topic", Types.StringType.get()),
          required(4, "kafka_partition", Types.IntegerType.get()),
          required(5, "kafka_offset", Types.LongType.get()),
          required(6, "reason", Types.StringType.get()),
          optional(7, "error", Types.StringType.get()),
          optional(8, "raw", Types.BinaryType.get()));

  public static final Schema DAILY_SUMMARIES =
      new Schema(
          required(1, "twin_id", Types.StringType.get()),
          required(2, "day", Types.DateType.get(), "the twin's local day, in the time zone of its profile (UTC if none)"),
          required(3, "readings", Types.LongType.get()),
          optional(4, "hr_mean", Types.DoubleType.get()),
          optional(5, "hr_min", Types.DoubleType.get()),
          optional(6, "hr_max", Types.DoubleType.get()),
          optional(7, "resting_hr", Types.DoubleType.get()),
          optional(8, "spo2_mean", Types.DoubleType.get()),
          optional(9, "systolic_mean", Types.DoubleType.get()),
          optional(10, "temp_max", Types.DoubleType.get()),
          optional(11, "steps", Types.LongType.get()),
          optional(12, "sleep_hours", Types.DoubleType.get()),
          optional(13, "anomalies", Types.IntegerType.get()));

  private static final Map<String, Definition> ALL =
      Map.of(
          Tables.HEALTH_EVENTS, byDay(Tables.HEALTH_EVENTS, HEALTH_EVENTS, "ts"),
          Tables.BEHAVIOR_EVENTS, byDay(Tables.BEHAVIOR_EVENTS, BEHAVIOR_EVENTS, "ts"),
          Tables.TWIN_STATE, byDay(Tables.TWIN_STATE, TWIN_STATE, "ts"),
          Tables.ANOMALIES, byDay(Tables.ANOMALIES, ANOMALIES, "ts"),
          Tables.CHAT_MESSAGES, byDay(Tables.CHAT_MESSAGES, CHAT_MESSAGES, "ts"),
          Tables.TWIN_REGISTRY, unpartitioned(Tables.TWIN_REGISTRY, TWIN_REGISTRY),
          Tables.GROUND_TRUTH, byDay(Tables.GROUND_TRUTH, GROUND_TRUTH, "ts"),
          Tables.DEAD_LETTERS, byDay(Tables.DEAD_LETTERS, DEAD_LETTERS, "ts"),
          Tables.DAILY_SUMMARIES, byDate(Tables.DAILY_SUMMARIES, DAILY_SUMMARIES, "day"));

  /** Parquet's own switch for dictionary encoding, as Iceberg's Parquet writer reads it from the table. */
  public static final String DICTIONARY = "parquet.enable.dictionary";

  /**
   * Day-partitioned tables keyed by twin, whose files table maintenance rewrites sorted by (twin, time):
   * their streaming writers skip Parquet's dictionary encoding ({@link #STREAM_WRITE_PROPERTIES}), which
   * the rewrite adds back for the files that stay.
   */
  public static final List<String> COMPACTED =
      List.of(Tables.HEALTH_EVENTS, Tables.BEHAVIOR_EVENTS, Tables.TWIN_STATE, Tables.ANOMALIES, Tables.CHAT_MESSAGES, Tables.GROUND_TRUTH);

  /**
   * Writer settings of a {@link #COMPACTED} table. Parquet's dictionary writers (a hash lookup per value,
   * mostly the vitals' doubles) were in 11 % of a quick backfill's CPU samples, for files that live only
   * until compaction.
   */
  public static final Map<String, String> STREAM_WRITE_PROPERTIES = Map.of(DICTIONARY, "false");

  private TableDefinitions() {}

  public static Definition of(String table) {
    Definition definition = ALL.get(table);
    if (definition == null) {
      throw new IllegalArgumentException("Unknown table: " + table);
    }
    return definition;
  }

  private static Definition byDay(String name, Schema schema, String tsColumn) {
    PartitionSpec spec = PartitionSpec.builderFor(schema).day(tsColumn).build();
    SortOrder.Builder order = SortOrder.builderFor(schema);
    if (schema.findField("twin_id") != null) {
      order.asc("twin_id");
    }
    order.asc(tsColumn);
    return new Definition(name, schema, spec, order.build());
  }

  /**
   * Partitioned by a date column itself: a rollup replaces whole days by deleting whole files
   * (overwrite by partition), so the table stays free of delete files for DuckDB.
   */
  private static Definition byDate(String name, Schema schema, String dateColumn) {
    PartitionSpec spec = PartitionSpec.builderFor(schema).identity(dateColumn).build();
    return new Definition(name, schema, spec, SortOrder.builderFor(schema).asc("twin_id").build());
  }

  private static Definition unpartitioned(String name, Schema schema) {
    SortOrder order = SortOrder.builderFor(schema).asc("twin_id").build();
    return new Definition(name, schema, PartitionSpec.unpartitioned(), order);
  }
}
