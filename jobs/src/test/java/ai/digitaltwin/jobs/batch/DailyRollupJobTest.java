package ai.digitaltwin.jobs.batch;

import static ai.digitaltwin.jobs.Readings.minute;
import static ai.digitaltwin.jobs.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TableDefinitions;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.jobs.IcebergRows;
import ai.digitaltwin.jobs.TestTables;
import ai.digitaltwin.schemas.Tables;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DailyRollupJobTest {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  @TempDir Path dir;

  @Test
  void summarisesEachTwinsLocalDayThenRerollsOnlyTheDaysWithNewInput() throws Exception {
    CatalogConfig catalog = CatalogConfig.local(dir.resolve("warehouse"));
    try (TwinCatalog twins = TwinCatalog.open(catalog)) {
      twins.ensureTables();
      Table health = twins.table(Tables.HEALTH_EVENTS);
      List<Record> rows = new ArrayList<>();
      for (int m = 0; m < 120; m++) {
        boolean asleep = m < 60;
        double bpm = asleep ? 55 + m % 3 : 75 + m % 5;
        rows.add(TestTables.health(health, reading("twin-a", m, bpm, e -> {
          e.setActivity(asleep ? "sleep" : "work");
          e.setSteps(asleep ? 0 : 20);
          return e;
        })));
      }
      rows.add(TestTables.health(health, reading("twin-b", 24 * 60 + 5, 66)));
      rows.add(TestTables.health(health, reading("twin-b", 24 * 60 + 6, 280))); // impossible: not a vital
      // 04:00 UTC on 3 March is still 2 March in New York
      rows.add(TestTables.health(health, reading("twin-ny", 20 * 60, 70)));
      TestTables.append(health, rows.subList(0, 70));
      TestTables.append(health, rows.subList(70, rows.size()));
      Table anomalies = twins.table(Tables.ANOMALIES);
      TestTables.append(anomalies, List.of(
          TestTables.anomaly(anomalies, "twin-a", "tachycardia", minute(90), null, minute(91)),
          TestTables.anomaly(anomalies, "twin-a", "tachycardia", minute(90), minute(95), minute(105))));
      Table registry = twins.table(Tables.TWIN_REGISTRY);
      TestTables.append(registry, List.of(
          TestTables.registry(registry, "twin-ny", minute(0), "Europe/Paris"),
          TestTables.registry(registry, "twin-ny", minute(1), "America/New_York")));
    }

    DailyRollupJob.Result first = run(catalog);
    assertThat(first.plan().full()).isTrue();
    assertThat(first.days()).isEqualTo(2);
    assertThat(first.rows()).isEqualTo(3);

    List<Record> days = summaries(catalog);
    assertThat(days).hasSize(3);
    Record a = days.get(0);
    assertThat(a.getField("twin_id")).isEqualTo("twin-a");
    assertThat(a.getField("day")).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(a.getField("readings")).isEqualTo(120L);
    assertThat(a.getField("hr_min")).isEqualTo(55.0);
    assertThat(a.getField("hr_max")).isEqualTo(79.0);
    assertThat((Double) a.getField("hr_mean")).isCloseTo((56.0 * 60 + 77.0 * 60) / 120, within(1e-9));
    assertThat((Double) a.getField("resting_hr")).isCloseTo(56.0, within(1e-9)); // only the sleep hour had ≤ 10 steps
    assertThat(a.getField("steps")).isEqualTo(60L * 20);
    assertThat((Double) a.getField("sleep_hours")).isCloseTo(1.0, within(1e-9));
    assertThat(a.getField("anomalies")).isEqualTo(1);
    Record b = days.get(1);
    assertThat(b.getField("day")).isEqualTo(LocalDate.of(2026, 3, 3));
    assertThat(b.getField("readings")).isEqualTo(2L);
    assertThat(b.getField("hr_max")).isEqualTo(66.0);
    assertThat(b.getField("anomalies")).isEqualTo(0);
    Record ny = days.get(2);
    assertThat(ny.getField("twin_id")).isEqualTo("twin-ny");
    assertThat(ny.getField("day")).isEqualTo(LocalDate.of(2026, 3, 2));

    long snapshots = snapshots(catalog);
    DailyRollupJob.Result again = run(catalog);
    assertThat(again.days()).isZero();
    assertThat(again.rows()).isZero();
    assertThat(again.committed()).isFalse();
    assertThat(snapshots(catalog)).isEqualTo(snapshots);

    // a late reading of twin-a's 2 March, 23:00 UTC: that day is rolled up again, twin-b's 3 March is not
    try (TwinCatalog twins = TwinCatalog.open(catalog)) {
      Table health = twins.table(Tables.HEALTH_EVENTS);
      TestTables.append(health, List.of(TestTables.health(health, reading("twin-a", 15 * 60, 90))));
    }
    DailyRollupJob.Result late = run(catalog);
    assertThat(late.plan().full()).as(late.plan().reason()).isFalse();
    assertThat(late.plan().days()).containsExactly((int) LocalDate.of(2026, 3, 2).toEpochDay());
    assertThat(late.readings()).as("only the appended file is read").isEqualTo(1);
    assertThat(late.rows()).isEqualTo(2); // twin-a and twin-ny on 2 March
    List<Record> after = summaries(catalog);
    assertThat(after).hasSize(3);
    assertThat(after.get(0).getField("readings")).isEqualTo(121L);
    assertThat(after.get(0).getField("hr_count")).isEqualTo(121L);
    assertThat(after.get(0).getField("hr_max")).isEqualTo(90.0);
    assertThat((Double) after.get(0).getField("hr_mean")).isCloseTo((56.0 * 60 + 77.0 * 60 + 90) / 121, within(1e-9));
    assertThat(after.get(1)).isEqualTo(b);
    assertThat(after.get(2)).isEqualTo(ny);

    // the same input summed from scratch gives the same rows
    try (TwinCatalog twins = TwinCatalog.open(catalog)) {
      twins.catalog().dropTable(TwinCatalog.identifier(Tables.DAILY_SUMMARIES), true);
    }
    DailyRollupJob.Result scratch = run(catalog);
    assertThat(scratch.plan().full()).isTrue();
    assertThat(scratch.readings()).isEqualTo(124);
    assertSameDays(summaries(catalog), after);
  }

  @Test
  void aTableWrittenBeforeItsRowsKeptTheirCountsIsSummedAgainInFull() throws Exception {
    CatalogConfig catalog = CatalogConfig.local(dir.resolve("warehouse"));
    try (TwinCatalog twins = TwinCatalog.open(catalog)) {
      List<String> before = TableDefinitions.DAILY_SUMMARIES.columns().stream()
          .map(c -> c.name())
          .filter(c -> !TableDefinitions.DAILY_PARTIALS.contains(c))
          .toList();
      Schema old = TableDefinitions.DAILY_SUMMARIES.select(before);
      twins.catalog().buildTable(TwinCatalog.identifier(Tables.DAILY_SUMMARIES), old)
          .withPartitionSpec(PartitionSpec.builderFor(old).identity("day").build())
          .create();
      twins.ensureTables();
      Table health = twins.table(Tables.HEALTH_EVENTS);
      TestTables.append(health, List.of(TestTables.health(health, reading("twin-a", 10, 61)), TestTables.health(health, reading("twin-a", 11, 63))));
    }
    DailyRollupJob.Result first = run(catalog);
    assertThat(first.plan().full()).isTrue();
    Record a = summaries(catalog).get(0);
    assertThat(a.getField("hr_count")).isEqualTo(2L);
    assertThat(a.getField("first_ts")).isNotNull();

    try (TwinCatalog twins = TwinCatalog.open(catalog)) {
      Table health = twins.table(Tables.HEALTH_EVENTS);
      TestTables.append(health, List.of(TestTables.health(health, reading("twin-a", 12, 65))));
    }
    DailyRollupJob.Result next = run(catalog);
    assertThat(next.plan().full()).as(next.plan().reason()).isFalse();
    assertThat(next.readings()).isEqualTo(1);
    assertThat((Double) summaries(catalog).get(0).getField("hr_mean")).isCloseTo(63.0, within(1e-9));
  }

  /** Equal rows, the doubles to 1e-9 relative (a sum rebuilt from a mean and its count may differ in the last bits). */
  private static void assertSameDays(List<Record> actual, List<Record> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      for (var column : TableDefinitions.DAILY_SUMMARIES.columns()) {
        Object want = expected.get(i).getField(column.name());
        Object got = actual.get(i).getField(column.name());
        if (want instanceof Double w && got instanceof Double g) {
          assertThat(g).as(column.name()).isCloseTo(w, within(Math.abs(w) * 1e-9));
        } else {
          assertThat(got).as(column.name()).isEqualTo(want);
        }
      }
    }
  }

  private static List<Record> summaries(CatalogConfig catalog) {
    List<Record> days = new ArrayList<>(IcebergRows.read(catalog, Tables.DAILY_SUMMARIES));
    days.sort(Comparator.comparing((Record r) -> (String) r.getField("twin_id")).thenComparing(r -> (LocalDate) r.getField("day")));
    return days;
  }

  private static long snapshots(CatalogConfig catalog) throws Exception {
    try (TwinCatalog twins = TwinCatalog.open(catalog)) {
      List<?> all = new ArrayList<>();
      twins.table(Tables.DAILY_SUMMARIES).snapshots().forEach(s -> ((List<Object>) all).add(s));
      return all.size();
    }
  }

  private static DailyRollupJob.Result run(CatalogConfig catalog) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    return DailyRollupJob.run(env, catalog, step -> {});
  }
}
