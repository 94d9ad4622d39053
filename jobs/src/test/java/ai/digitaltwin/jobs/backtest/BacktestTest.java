package ai.digitaltwin.jobs.backtest;

import static ai.digitaltwin.jobs.Readings.minute;
import static ai.digitaltwin.jobs.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.jobs.Events;
import ai.digitaltwin.jobs.TestTables;
import ai.digitaltwin.jobs.ingest.Consumed;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Tables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class BacktestTest {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  @TempDir Path dir;

  @Test
  void scoresDetectorsAndTheFixedRulesAgainstInjectedEpisodes() throws Exception {
    CatalogConfig catalog = CatalogConfig.local(dir.resolve("warehouse"));
    try (TwinCatalog twins = TwinCatalog.open(catalog)) {
      twins.ensureTables();
      Table health = twins.table(Tables.HEALTH_EVENTS);
      List<Record> rows = new ArrayList<>();
      for (int m = 0; m < 3000; m++) {
        rows.add(TestTables.health(health, twinA(m)));
      }
      for (int m = 0; m < 2000; m++) {
        rows.add(TestTables.health(health, twinB(m)));
      }
      TestTables.append(health, rows);
      Table truth = twins.table(Tables.GROUND_TRUTH);
      TestTables.append(truth, List.of(
          TestTables.truth(truth, Events.truth("twin-a", minute(1000), minute(1015), "tachycardia")),
          TestTables.truth(truth, Events.truth("twin-a", minute(2000), minute(2001), "sensor_spike")),
          TestTables.truth(truth, Events.truth("twin-a", minute(2500), minute(2520), "sensor_flatline")),
          TestTables.truth(truth, Events.truth("twin-b", minute(800), minute(830), "hypertensive"))));
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);

    BacktestReport report = Backtest.run(env, catalog);

    assertThat(report.readings()).isEqualTo(5000);
    assertThat(report.detectors()).extracting(TypeScore::type)
        .containsExactly("hypertensive", "sensor_flatline", "sensor_spike", "tachycardia", "all");
    TypeScore all = report.detector("all");
    assertThat(all.truths()).isEqualTo(4);
    assertThat(all.detections()).isEqualTo(4);
    assertThat(all.precision()).isEqualTo(1.0);
    assertThat(all.recall()).isEqualTo(1.0);
    assertThat(report.detector("tachycardia").medianDelayMinutes()).isEqualTo(1.0);
    assertThat(report.detector("sensor_spike").medianDelayMinutes()).isEqualTo(0.0);
    assertThat(report.detector("sensor_flatline").medianDelayMinutes()).isEqualTo(2.0);
    assertThat(all.medianDelayMinutes()).isEqualTo(1.0);

    // the fixed rules call the spike tachycardia, miss both sensor faults and flag a stressful hour
    assertThat(report.fixedRule("tachycardia").detections()).isEqualTo(2);
    assertThat(report.fixedRule("tachycardia").precision()).isEqualTo(0.5);
    assertThat(report.fixedRule("tachycardia").recall()).isEqualTo(1.0);
    assertThat(report.fixedRule("hypertensive").recall()).isEqualTo(1.0);
    assertThat(report.fixedRule("sensor_flatline").recall()).isEqualTo(0.0);
    assertThat(report.fixedRule("high_stress").detections()).isEqualTo(1);
    assertThat(report.fixedRule("all").precision()).isEqualTo(0.5);
    assertThat(report.fixedRule("all").recall()).isEqualTo(0.5);
    assertThat(report.markdown()).contains("| tachycardia | 1 | 1 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 |");
  }

  private static Consumed<HealthEvent> twinA(int m) {
    if (m >= 1000 && m < 1015) {
      return reading("twin-a", m, 140 + m % 3);
    }
    if (m == 2000) {
      return reading("twin-a", m, 280);
    }
    if (m >= 2500 && m <= 2520) {
      return reading("twin-a", m, 71); // the sensor repeats one reading
    }
    return reading("twin-a", m, 70 + (m * 3) % 7 - 3);
  }

  private static Consumed<HealthEvent> twinB(int m) {
    return reading("twin-b", m, 64 + (m * 3) % 7 - 3, e -> {
      if (m >= 800 && m < 830) {
        e.setSystolicBp(175.0);
      }
      if (m >= 1500 && m < 1510) {
        e.setStress(0.9);
      }
      return e;
    });
  }
}
