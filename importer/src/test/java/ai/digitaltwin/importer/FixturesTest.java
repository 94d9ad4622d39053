package ai.digitaltwin.importer;

import static ai.digitaltwin.importer.Collected.FIXTURES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apple Health and Fitbit exports written to the letter of their formats, and what goes wrong with real ones. */
class FixturesTest {
  static final ZoneId UTC = ZoneId.of("UTC");

  @TempDir Path dir;

  @Test
  void appleHealthExportMapsEveryVitalInTheContractsUnitsAndCountsTheRest() throws Exception {
    Collected c = Collected.read(UTC, null, FIXTURES.resolve("apple/export.xml"));
    assertThat(c.problems).isEmpty();
    assertThat(c.of(Metric.HEART_RATE)).extracting(Reading::value).containsExactly(62.0, 64.0);
    assertThat(c.of(Metric.HEART_RATE).get(0).ts()).isEqualTo(Instant.parse("2020-01-01T16:00:00Z"));
    assertThat(c.of(Metric.HEART_RATE).get(0).origin()).isEqualTo("apple:Ada’s Apple Watch");
    assertThat(c.of(Metric.SPO2).get(0).value()).isCloseTo(97.0, within(1e-9));
    assertThat(c.of(Metric.RESP_RATE).get(0).value()).isEqualTo(14.5);
    assertThat(c.of(Metric.BODY_TEMP_C).get(0).value()).isCloseTo(37.0, within(1e-9));
    assertThat(c.of(Metric.SYSTOLIC_BP)).extracting(Reading::value).containsExactly(121.0);
    assertThat(c.of(Metric.DIASTOLIC_BP)).extracting(Reading::value).containsExactly(79.0);
    // the watch's daily resting heart rate, stamped at the start of its day
    assertThat(c.of(Metric.of("resting_hr"))).singleElement().satisfies(r -> {
      assertThat(r.value()).isEqualTo(58);
      assertThat(r.ts()).isEqualTo(Instant.parse("2020-01-01T08:00:00Z"));
    });
    // a step count is the interval's: stamped at its endDate
    assertThat(c.of(Metric.STEPS)).singleElement().satisfies(r -> {
      assertThat(r.value()).isEqualTo(431);
      assertThat(r.ts()).isEqualTo(Instant.parse("2020-01-01T16:17:40Z"));
    });
    assertThat(c.skips.asMap()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
        "heart_rate out of range 20..250", 1L,
        "timestamp in the future", 1L,
        "HRV SDNN (hrv_ms carries RMSSD)", 1L,
        "sleep analysis (no field in the wire contract)", 1L,
        "not a vital of the contract: HKQuantityTypeIdentifierActiveEnergyBurned", 1L,
        "Record inside a Correlation (its top-level copy is read)", 2L,
        "Workout (not imported)", 1L,
        "ActivitySummary (not imported)", 1L));
  }

  @Test
  void earlyAppleExportsWithSourceAndCompactDatesAreRead() throws Exception {
    Collected c = Collected.read(UTC, null, FIXTURES.resolve("apple/export-2014.xml"));
    assertThat(c.of(Metric.STEPS)).singleElement().satisfies(r -> {
      assertThat(r.ts()).isEqualTo(Instant.parse("2014-10-18T15:32:35Z"));
      assertThat(r.origin()).isEqualTo("apple:John’s iPhone");
    });
    assertThat(c.of(Metric.HEART_RATE)).extracting(Reading::value).containsExactly(71.0);
    assertThat(c.of(Metric.BODY_TEMP_C)).extracting(Reading::value).containsExactly(36.8);
  }

  @Test
  void appleExportZipIsReadFromItsExportXml() throws Exception {
    Path zip = zip("export.zip", "apple_health_export/export.xml", Files.readAllBytes(FIXTURES.resolve("apple/export.xml")));
    Collected c = Collected.read(UTC, null, zip);
    assertThat(c.problems).isEmpty();
    assertThat(c.readings).hasSize(9); // as the export.xml itself gives
  }

  @Test
  void aTruncatedAppleExportKeepsWhatCameBeforeTheCutAndSaysWhere() throws Exception {
    String xml = Files.readString(FIXTURES.resolve("apple/export.xml"));
    Path cut = dir.resolve("export.xml");
    Files.writeString(cut, xml.substring(0, xml.indexOf("<Record type=\"HKQuantityTypeIdentifierOxygenSaturation\"") + 40));
    Collected c = Collected.read(UTC, null, cut);
    assertThat(c.of(Metric.HEART_RATE)).hasSize(2);
    assertThat(c.of(Metric.SPO2)).isEmpty();
    assertThat(c.skips.get(Importer.UNREADABLE)).isEqualTo(1);
    assertThat(c.problems).singleElement().asString()
        .startsWith(cut + ": not well-formed XML at line ")
        .endsWith("; the export is truncated or damaged, and nothing after that point was read");
  }

  @Test
  void aNestedZipIsRejectedAndAnOversizedEntryIsNotUnpacked() throws Exception {
    Path inner = zip("inner.zip", "apple_health_export/export.xml", Files.readAllBytes(FIXTURES.resolve("apple/export.xml")));
    Path outer = zip("outer.zip", "export.zip", Files.readAllBytes(inner));
    Collected nested = Collected.read(UTC, null, outer);
    assertThat(nested.readings).isEmpty();
    assertThat(nested.problems).containsExactly(outer + "!export.zip: a zip inside the zip is not read; unpack it and import its content");
    assertThat(nested.skips.get("zip entry rejected: nested zip")).isEqualTo(1);

    Path big = zip("big.zip", "apple_health_export/export.xml", Files.readAllBytes(FIXTURES.resolve("apple/export.xml")));
    long limit = 4096;
    Collected oversized = Collected.read(UTC, null, limit, null, big);
    assertThat(oversized.readings).isEmpty();
    assertThat(oversized.problems).singleElement().asString()
        .startsWith(big + "!apple_health_export/export.xml: declares ")
        .endsWith("bytes, more than --max-entry-size 4096; not read");
    assertThat(oversized.skips.get("zip entry rejected: larger than --max-entry-size")).isEqualTo(1);
  }

  @Test
  void fitbitPerDayJsonIsReadInTheGivenZoneWithPlaceholderRowsCounted() throws Exception {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Collected c = Collected.read(berlin, null, FIXTURES.resolve("fitbit"));
    assertThat(c.problems).isEmpty();
    assertThat(c.of(Metric.HEART_RATE)).extracting(Reading::value).containsExactly(58.0, 59.0, 61.0);
    assertThat(c.of(Metric.HEART_RATE).get(0).ts()).isEqualTo(Instant.parse("2020-03-01T06:00:03Z"));
    assertThat(c.skips.get("heart_rate out of range 20..250")).isEqualTo(1);
    // the count of the minute starting at 07:01 is stamped when it is complete, 07:02
    assertThat(c.of(Metric.STEPS)).extracting(Reading::value).containsExactly(0.0, 14.0, 102.0);
    assertThat(c.of(Metric.STEPS).get(1).ts()).isEqualTo(Instant.parse("2020-03-01T06:02:00Z"));
  }

  @Test
  void aTruncatedFitbitFileSaysWhereItBroke() throws Exception {
    String json = Files.readString(FIXTURES.resolve("fitbit/heart_rate-2020-03-01.json"));
    Path cut = dir.resolve("heart_rate-2020-03-01.json");
    Files.writeString(cut, json.substring(0, json.indexOf("07:00:18") - 20));
    Collected c = Collected.read(UTC, null, cut);
    assertThat(c.of(Metric.HEART_RATE)).hasSize(2);
    assertThat(c.problems).singleElement().asString().startsWith(cut + ": malformed JSON at line ");
  }

  @Test
  void theGenericCsvConvertsUnitsAndCountsWhatItCannotRead() throws Exception {
    Collected c = Collected.read(ZoneId.of("Europe/Paris"), null, FIXTURES.resolve("generic/readings.csv"));
    assertThat(c.of(Metric.HEART_RATE)).extracting(Reading::value).containsExactly(66.0);
    assertThat(c.of(Metric.BODY_TEMP_C).get(0).value()).isCloseTo(37.5, within(1e-9));
    assertThat(c.of(Metric.BODY_TEMP_C).get(0).ts()).isEqualTo(Instant.parse("2021-05-01T06:00:00Z"));
    assertThat(c.of(Metric.SPO2).get(0).value()).isCloseTo(96.0, within(1e-9));
    assertThat(c.of(Metric.SPO2).get(0).ts()).isEqualTo(Instant.parse("2021-05-01T07:00:00Z"));
    assertThat(c.of(Metric.STEPS).get(0).ts()).isEqualTo(Instant.ofEpochMilli(1619859600000L));
    assertThat(c.of(Metric.HRV_MS)).extracting(Reading::value).containsExactly(42.0);
    assertThat(c.skips.asMap()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
        "unknown metric glucose", 1L,
        "unparseable timestamp", 1L,
        "unparseable heart_rate value", 1L,
        "unit 'kPa' not understood for resp_rate", 1L));
  }

  private Path zip(String name, String entry, byte[] content) throws Exception {
    Path zip = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
      out.putNextEntry(new ZipEntry(entry));
      out.write(content);
      out.closeEntry();
    }
    return zip;
  }
}
