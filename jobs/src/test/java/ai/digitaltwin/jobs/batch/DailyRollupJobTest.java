package ai.digitaltwin.jobs.batch;

import static ai.digitaltwin.jobs.Readings.minute;
import static ai.digitaltwin.jobs.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.jobs.IcebergRows;
import ai.digitaltwin.jobs.JobConfig;
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
  void summarisesEachTwinsDayAndARerunReplacesRatherThanAdds() throws Exception {
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
      TestTables.append(health, rows.subList(0, 70));
      TestTables.append(health, rows.subList(70, rows.size()));
      Table anomalies = twins.table(Tables.ANOMALIES);
      TestTables.append(anomalies, List.of(
          TestTables.anomaly(anomalies, "twin-a", "tachycardia", minute(90), null, minute(91)),
          TestTables.anomaly(anomalies, "twin-a", "tachycardia", minute(90), minute(95), minute(105))));
    }
    JobConfig config = JobConfig.defaults(catalog).withParallelism(2);

    run(config);
    run(config);

    List<Record> days = new ArrayList<>(IcebergRows.read(catalog, Tables.DAILY_SUMMARIES));
    days.sort(Comparator.comparing(r -> (String) r.getField("twin_id")));
    assertThat(days).hasSize(2);
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
  }

  private static void run(JobConfig config) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    DailyRollupJob.define(env, config);
    env.execute(DailyRollupJob.NAME);
  }
}
