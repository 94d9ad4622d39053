package ai.digitaltwin.importer;

import static ai.digitaltwin.importer.Collected.SAMPLES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The importers on the real recordings in samples/real-wearables, read exactly as published. */
class RealSamplesTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");

  @Test
  void stanfordHeartRateWithItsIndexColumnIsReadRowByRowInTheGivenZone() throws Exception {
    Collected c = Collected.read(LA, null, SAMPLES.resolve("A4G0044_hr.csv.gz"));
    assertThat(c.problems).isEmpty();
    assertThat(c.readings).hasSize(124_190).allMatch(r -> r.metric() == Metric.HEART_RATE);
    assertThat(c.skips.total()).isZero();
    Reading first = c.readings.get(0);
    // 2020-12-08 00:00:00 Pacific standard time is 08:00 UTC
    assertThat(first.ts()).isEqualTo(Instant.parse("2020-12-08T08:00:00Z"));
    assertThat(first.value()).isEqualTo(73);
    assertThat(first.origin()).isEqualTo("stanford:A4G0044");
    assertThat(c.readings.get(c.readings.size() - 1).ts()).isEqualTo(Instant.parse("2021-03-08T19:27:00Z"));
  }

  @Test
  void stanfordStepsQuotedOrWithoutIndexAreStampedAtTheEndOfTheirMinute() throws Exception {
    Collected quoted = Collected.read(ZoneId.of("UTC"), null, SAMPLES.resolve("AJWW3IY_steps.csv.gz"));
    assertThat(quoted.readings).hasSize(107_940).allMatch(r -> r.metric() == Metric.STEPS);
    assertThat(quoted.readings.get(0).ts()).isEqualTo(Instant.parse("2024-06-23T00:01:00Z"));
    assertThat(quoted.readings.get(quoted.readings.size() - 1).ts()).isEqualTo(Instant.parse("2024-09-06T00:00:00Z"));
    Collected plain = Collected.read(ZoneId.of("UTC"), null, SAMPLES.resolve("AHYIJDV_steps.csv.gz"));
    assertThat(plain.readings).hasSize(107_940);
    assertThat(plain.readings.stream().mapToDouble(Reading::value).sum()).isPositive();
  }

  @Test
  void welltoryDailySummariesOfOnePersonLandAtTheEndOfTheirDay() throws Exception {
    Collected c = Collected.read(ZoneId.of("UTC"), "0d297d2410", SAMPLES.resolve("wearables.csv"));
    assertThat(c.of(Metric.STEPS)).hasSize(157);
    assertThat(c.of(Metric.SPO2)).isEmpty();
    assertThat(c.skips.get("row of another person than 0d297d2410")).isEqualTo(3098 - 170);
    assertThat(c.skips.asMap()).doesNotContainKey("resting heart rate (no field in the wire contract)");
    // the days with a resting pulse: the device's resting heart rate of the day, stamped with the day's other values
    assertThat(c.of(Metric.of("resting_hr"))).hasSize(21).allMatch(r -> r.value() >= 35 && r.value() <= 110);
    assertThat(c.of(Metric.of("resting_hr"))).allMatch(r -> r.ts().atZone(ZoneId.of("UTC")).toLocalTime().toSecondOfDay() == 0);
    assertThat(c.of(Metric.STEPS)).allMatch(r -> r.ts().atZone(ZoneId.of("UTC")).toLocalTime().toSecondOfDay() == 0);
  }

  @Test
  void welltorySpo2IsAFractionReadAsPercent() throws Exception {
    Collected c = Collected.read(ZoneId.of("UTC"), null, SAMPLES.resolve("wearables.csv"));
    assertThat(c.problems).containsExactly(
        SAMPLES.resolve("wearables.csv") + " holds the daily summaries of many people: choose one with --user USER_CODE");
    assertThat(c.skips.get(Importer.UNREADABLE)).isEqualTo(1);
    String withSpo2 = firstUserWithSpo2();
    Collected one = Collected.read(ZoneId.of("UTC"), withSpo2, SAMPLES.resolve("wearables.csv"));
    assertThat(one.of(Metric.SPO2)).isNotEmpty().allMatch(r -> r.value() >= 90 && r.value() <= 100);
  }

  @Test
  void welltoryHrvGivesHeartRateAndRmssd() throws Exception {
    Collected c = Collected.read(ZoneId.of("Europe/Moscow"), "a62c11c164", SAMPLES.resolve("hrv_measurements.csv.gz"));
    assertThat(c.of(Metric.HEART_RATE)).hasSize(405);
    assertThat(c.of(Metric.HRV_MS)).hasSize(405).allMatch(r -> r.value() > 17 && r.value() < 156);
    assertThat(c.skips.get("row of another person than a62c11c164")).isEqualTo(3245 - 405);
  }

  @Test
  void aFileOfNoKnownFormatIsRefusedWithTheFormatsItCouldBe() {
    assertThatThrownBy(() -> Collected.read(ZoneId.of("UTC"), null, SAMPLES.resolve("labels.csv")))
        .isInstanceOf(UnreadableInputException.class)
        .hasMessage(SAMPLES.resolve("labels.csv") + ": format not recognised (known: " + Format.ids()
            + "); force one with --format if it is one of them");
  }

  private static String firstUserWithSpo2() throws Exception {
    List<String> lines = java.nio.file.Files.readAllLines(SAMPLES.resolve("wearables.csv"));
    List<String> header = Csv.split(lines.get(0));
    int spo2 = Csv.column(header, "average_spo2_value");
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = Csv.split(line);
      if (!f.get(spo2).isEmpty()) {
        return f.get(0);
      }
    }
    throw new AssertionError("no SpO2 in wearables.csv");
  }
}
