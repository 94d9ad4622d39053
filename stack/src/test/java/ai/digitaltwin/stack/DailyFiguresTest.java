package ai.digitaltwin.stack;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.api.chat.answering.SqlRunner;
import ai.digitaltwin.api.chat.store.HistorySql;
import ai.digitaltwin.api.daily.DailyFigures;
import ai.digitaltwin.api.history.DataFileCache;
import ai.digitaltwin.api.history.IcebergTables;
import ai.digitaltwin.api.history.IcebergViews;
import ai.digitaltwin.api.history.QueryResult;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.jobs.batch.DailyRollupJob;
import ai.digitaltwin.schemas.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.encryption.EncryptedFiles;
import org.apache.iceberg.io.DataWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's figures per local day read from {@code daily_summaries} equal those DuckDB computes from the
 * readings, day by day, for a New York twin across the night its clocks go forward and a UTC twin, with
 * readings the rollup leaves out of the heart rate (impossible values, none at all), sleep, exercise and
 * commutes; a reading that arrives after the rollup sends its twin's day to the readings, and only that
 * day, until the next rollup. A real rollup (Flink, local), a real Iceberg warehouse, DuckDB.
 */
class DailyFiguresTest {
  /** Saturday 7 March 2026, UTC; New York's clocks go forward on Sunday the 8th. */
  static final Instant T0 = Instant.parse("2026-03-07T00:00:00Z");
  static final LocalDate FROM = LocalDate.of(2026, 3, 5);
  static final LocalDate TO = LocalDate.of(2026, 3, 12);
  static final String NY = "twin-ny";
  static final String UTC = "twin-utc";
  static final String[] ACTIVITIES = {"sleep", "work", "exercise", "commute", "leisure", null};

  @TempDir Path dir;

  @Test
  void rolledUpDaysEqualTheReadingsAndLateReadingsAreAnsweredFromThem() throws Exception {
    CatalogConfig catalog = CatalogConfig.local(dir.resolve("warehouse"));
    try (TwinCatalog twins = TwinCatalog.open(catalog)) {
      twins.ensureTables();
      Table registry = twins.table(Tables.TWIN_REGISTRY);
      append(registry, List.of(row(registry, Map.of(
          "event_id", "r1", "twin_id", NY, "ts", T0.minusSeconds(86_400), "action", "created", "timezone", "America/New_York"))));
      Table health = twins.table(Tables.HEALTH_EVENTS);
      List<Record> readings = new ArrayList<>();
      for (int i = 0; i < 3 * 144; i++) { // three days, one reading every 10 minutes
        readings.add(reading(health, NY, T0.plusSeconds(600L * i), i));
        readings.add(reading(health, UTC, T0.plusSeconds(600L * i + 17), i * 7 + 3));
      }
      append(health, readings.subList(0, 400));
      append(health, readings.subList(400, readings.size()));
    }

    assertThat(rollup(catalog).days()).isPositive();
    try (TwinCatalog twins = TwinCatalog.open(catalog);
        TwinHistory history = TwinHistory.open(
            new IcebergViews(new IcebergTables(twins, Duration.ZERO, DataFileCache.in(dir.resolve("data-files"))), Tables.ALL), Duration.ofSeconds(30), Duration.ofHours(1))) {
      DailyFigures daily = new DailyFigures(history);
      for (String twin : List.of(NY, UTC)) {
        QueryResult rolled = daily.days(twin, FROM, TO, DailyFigures.Source.AUTO);
        assertThat(sources(rolled)).as(twin).containsOnly("rollup").hasSize(NY.equals(twin) ? 4 : 3);
        sameFigures(twin, rolled, daily.days(twin, FROM, TO, DailyFigures.Source.RAW));
      }
      chatsDailyFiguresAreTheRollupsInTheTwinsZoneOnly(history, daily);
      QueryResult ny = daily.days(NY, FROM, TO, DailyFigures.Source.AUTO);
      assertThat(column(ny, "day")).containsExactly("2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09");
      assertThat(value(ny, "2026-03-08", "readings")).isEqualTo(138L); // 23 hours that Sunday, six readings each
      long before = (Long) value(ny, "2026-03-08", "readings");

      // a late reading of New York's Sunday, after the rollup: that day comes from the readings, nothing else does
      try (TwinCatalog writer = TwinCatalog.open(catalog)) {
        Table health = writer.table(Tables.HEALTH_EVENTS);
        append(health, List.of(reading(health, NY, Instant.parse("2026-03-08T12:00:05Z"), 1_000)));
      }
      history.refreshNow();
      QueryResult late = daily.days(NY, FROM, TO, DailyFigures.Source.AUTO);
      assertThat(column(late, "source")).containsExactly("rollup", "rollup", "raw", "rollup");
      assertThat(value(late, "2026-03-08", "readings")).isEqualTo(before + 1);
      assertThat(value(late, "2026-03-08", "hr_max")).isEqualTo(221.0);
      sameFigures(NY, late, daily.days(NY, FROM, TO, DailyFigures.Source.RAW));
      assertThat(sources(daily.days(UTC, FROM, TO, DailyFigures.Source.AUTO))).as("the file holds no UTC twin").containsOnly("rollup");

      // the next rollup takes the day back
      DailyRollupJob.Result again = rollup(catalog);
      assertThat(again.plan().full()).as(again.plan().reason()).isFalse();
      history.refreshNow();
      QueryResult rerolled = daily.days(NY, FROM, TO, DailyFigures.Source.AUTO);
      assertThat(sources(rerolled)).containsOnly("rollup");
      assertThat(value(rerolled, "2026-03-08", "readings")).isEqualTo(before + 1);
      sameFigures(NY, rerolled, daily.days(NY, FROM, TO, DailyFigures.Source.RAW));
    }
  }

  /**
   * The chat's relation of daily figures (HistorySql): New York's weekend from the rollup, the same sums as
   * the readings; asked in another zone than the registry's, from the readings.
   */
  private static void chatsDailyFiguresAreTheRollupsInTheTwinsZoneOnly(TwinHistory history, DailyFigures daily) {
    HistorySql chat = new HistorySql(history, daily);
    Instant saturday = Instant.parse("2026-03-07T05:00:00Z");
    Instant monday = Instant.parse("2026-03-09T04:00:00Z"); // a 47-hour weekend: clocks go forward on Sunday
    String days = "SELECT CAST(sum(steps) AS BIGINT) AS steps, CAST(sum(readings) AS BIGINT) AS readings,"
        + " min(source) AS first, max(source) AS last FROM " + SqlRunner.DAILY_FIGURES + " WHERE twin_id = ?";
    List<Object> twin = List.of(NY);
    var rolled = chat.query(days, twin, new SqlRunner.Scope(NY, saturday, monday, ZoneId.of("America/New_York"))).rows().get(0);
    var readings = chat.query(
        "SELECT CAST(sum(steps) AS BIGINT) AS steps, count(*) AS readings FROM " + Tables.HEALTH_EVENTS
            + " WHERE twin_id = ? AND ts >= ? AND ts < ?",
        List.of(NY, saturday.atOffset(ZoneOffset.UTC), monday.atOffset(ZoneOffset.UTC))).rows().get(0);
    assertThat(rolled.subList(0, 2)).isEqualTo(readings);
    assertThat(rolled.subList(2, 4)).containsOnly("rollup");
    var elsewhere = chat.query(days, twin, new SqlRunner.Scope(NY, saturday, monday, ZoneOffset.UTC)).rows().get(0);
    assertThat(elsewhere.subList(2, 4)).containsOnly("raw");
  }

  /** A reading whose figures vary with {@code i}: impossible and missing heart rates, every activity, missing SpO2. */
  private static Record reading(Table health, String twin, Instant at, int i) {
    Double bpm = i % 89 == 0 ? null : i % 97 == 0 ? 250.0 : i == 1_000 ? 221.0 : 48 + (i * 7 % 61) + (i % 10) / 10.0;
    return row(health, Map.ofEntries(
        Map.entry("event_id", UUID.randomUUID().toString()),
        Map.entry("twin_id", twin),
        Map.entry("ts", at),
        Map.entry("heart_rate", bpm == null ? NULL : bpm),
        Map.entry("systolic_bp", 110.0 + i % 23),
        Map.entry("spo2", i % 13 == 0 ? NULL : 94.0 + (i % 7) * 0.55),
        Map.entry("body_temp_c", 36.2 + (i % 11) * 0.07),
        Map.entry("steps", i % 3 == 0 ? i % 11 : i * 13 % 140),
        Map.entry("activity", ACTIVITIES[i % ACTIVITIES.length] == null ? NULL : ACTIVITIES[i % ACTIVITIES.length]),
        Map.entry("source", "test")));
  }

  private static final Object NULL = new Object();

  private static void sameFigures(String twin, QueryResult rolled, QueryResult raw) {
    assertThat(sources(raw)).containsOnly("raw");
    assertThat(column(rolled, "day")).as(twin).isEqualTo(column(raw, "day"));
    for (String day : column(raw, "day")) {
      for (String figure : java.util.stream.Stream.concat(DailyFigures.COLUMNS.stream(), DailyFigures.COUNTS.stream()).toList()) {
        Object a = value(rolled, day, figure);
        Object b = value(raw, day, figure);
        String what = twin + " " + day + " " + figure + ": " + a + " vs " + b;
        if (a instanceof Double x && b instanceof Double y) {
          assertThat(Math.abs(x - y)).as(what).isLessThanOrEqualTo(1e-9 * Math.abs(y));
        } else {
          assertThat(a).as(what).isEqualTo(b);
        }
      }
    }
  }

  private static List<String> sources(QueryResult result) {
    return column(result, "source");
  }

  private static List<String> column(QueryResult result, String name) {
    return result.asMaps().stream().map(r -> (String) r.get(name)).toList();
  }

  private static Object value(QueryResult result, String day, String name) {
    return result.asMaps().stream().filter(r -> day.equals(r.get("day"))).findFirst().orElseThrow().get(name);
  }

  private static DailyRollupJob.Result rollup(CatalogConfig catalog) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    Consumer<String> quiet = step -> {};
    return DailyRollupJob.run(env, catalog, quiet);
  }

  private static Record row(Table table, Map<String, Object> values) {
    GenericRecord record = GenericRecord.create(table.schema());
    values.forEach((k, v) -> record.setField(k, v == NULL ? null : v instanceof Instant t ? t.atOffset(ZoneOffset.UTC) : v));
    return record;
  }

  /** One commit, one Parquet file per partition, as a stream's checkpoint writes them. */
  private static void append(Table table, List<Record> rows) {
    GenericAppenderFactory factory = new GenericAppenderFactory(table.schema(), table.spec());
    Map<PartitionKey, List<Record>> byPartition = new java.util.LinkedHashMap<>();
    InternalRecordWrapper wrapper = new InternalRecordWrapper(table.schema().asStruct());
    for (Record r : rows) {
      PartitionKey key = new PartitionKey(table.spec(), table.schema());
      key.partition(wrapper.wrap(r));
      byPartition.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    var append = table.newAppend();
    try {
      for (Map.Entry<PartitionKey, List<Record>> part : byPartition.entrySet()) {
        PartitionKey key = table.spec().isUnpartitioned() ? null : part.getKey();
        var file = table.io().newOutputFile(
            key == null ? table.locationProvider().newDataLocation(UUID.randomUUID() + ".parquet")
                : table.locationProvider().newDataLocation(table.spec(), key, UUID.randomUUID() + ".parquet"));
        DataWriter<Record> writer = factory.newDataWriter(EncryptedFiles.plainAsEncryptedOutput(file), FileFormat.PARQUET, key);
        try (writer) {
          for (Record r : part.getValue()) {
            writer.write(r);
          }
        }
        append.appendFile(writer.toDataFile());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    append.commit();
  }
}
