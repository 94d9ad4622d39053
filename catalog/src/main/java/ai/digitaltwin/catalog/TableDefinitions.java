package ai.digitaltwin.catalog;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import ai.digitaltwin.schemas.Anomaly;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.ChatMessage;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import ai.digitaltwin.schemas.TwinState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.types.Types;

/**
 * The Iceberg schema, partitioning and sort order of every table. A table of an Avro record has the
 * columns derived from the record's schema ({@link AvroColumns}: ids, types and docs declared in the
 * {@code .avsc}), then those of its own; the others are declared here. Event tables are partitioned by day of
 * event time (what the queries filter on) and sorted by (twin, time), the order compaction writes so
 * that one twin's rows sit together in few row groups.
 */
public final class TableDefinitions {
  public record Definition(String name, Schema schema, PartitionSpec spec, SortOrder sortOrder) {}

  private static final Types.TimestampType TS = Types.TimestampType.withZone();

  /** The Kafka partition a reading was read from: ingestion metadata the stream job adds, not in the event. */
  public static final Types.NestedField KAFKA_PARTITION = optional(16, "kafka_partition", Types.IntegerType.get());
  /** The reading's offset in that partition. */
  public static final Types.NestedField KAFKA_OFFSET = optional(17, "kafka_offset", Types.LongType.get());

  public static final Schema HEALTH_EVENTS = derived(HealthEvent.getClassSchema(), KAFKA_PARTITION, KAFKA_OFFSET);
  public static final Schema BEHAVIOR_EVENTS = derived(BehaviorEvent.getClassSchema());
  /** Personality flattened into one column per trait. */
  public static final Schema TWIN_STATE = derived(TwinState.getClassSchema());
  public static final Schema ANOMALIES = derived(Anomaly.getClassSchema());
  public static final Schema CHAT_MESSAGES = derived(ChatMessage.getClassSchema());
  /** Profile and personality flattened into one column per field. */
  public static final Schema TWIN_REGISTRY = derived(TwinRegistryEvent.getClassSchema());
  public static final Schema GROUND_TRUTH = derived(GroundTruthEpisode.getClassSchema());

  /** Tables of no Avro record: declared here, column by column. */
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
          optional(13, "anomalies", Types.IntegerType.get()),
          // what a mean is over, so that a day can take more readings without its old ones being read again
          optional(14, "hr_count", Types.LongType.get(), "readings behind hr_mean, hr_min and hr_max (20–230 bpm)"),
          optional(15, "resting_count", Types.LongType.get(), "readings behind resting_hr"),
          optional(16, "spo2_count", Types.LongType.get(), "readings behind spo2_mean"),
          optional(17, "systolic_count", Types.LongType.get(), "readings behind systolic_mean"),
          optional(18, "sleep_readings", Types.LongType.get(), "readings while asleep, behind sleep_hours"),
          optional(19, "first_ts", TS, "the day's first reading"),
          optional(20, "last_ts", TS, "the day's last reading"));

  /** The columns of {@link #DAILY_SUMMARIES} a rollup needs to add new readings to a day already summed. */
  public static final List<String> DAILY_PARTIALS =
      List.of("hr_count", "resting_count", "spo2_count", "systolic_count", "sleep_readings", "first_ts", "last_ts");

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

  /**
   * The columns of {@code record} ({@link AvroColumns}), with the table's own after those of lower ids: a
   * field added to the record later (a higher id) comes after them, where adding it to an existing table
   * puts it, so a new table and an evolved one have their columns in one order.
   */
  private static Schema derived(org.apache.avro.Schema record, Types.NestedField... tableOnly) {
    List<Types.NestedField> columns = new ArrayList<>();
    AvroColumns.of(record).forEach(c -> columns.add(c.column()));
    for (Types.NestedField own : tableOnly) {
      int at = 0;
      while (at < columns.size() && columns.get(at).fieldId() < own.fieldId()) {
        at++;
      }
      columns.add(at, own);
    }
    return new Schema(columns);
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
