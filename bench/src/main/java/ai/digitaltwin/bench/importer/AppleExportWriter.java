package ai.digitaltwin.bench.importer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A synthetic Apple Health {@code export.xml} of heart rate every 5 s, written the way Apple writes it
 * (DTD header, one {@code <Record>} per sample with sourceName, device, unit and the three dates with
 * their offset), so the importer parses what a real watch's export holds. Seeded: the same every run.
 */
final class AppleExportWriter {
  static final long STEP_SECONDS = 5;

  private AppleExportWriter() {}

  /** Writes {@code samples} records starting 2023-01-01 00:00:00 -0800; returns the file's size. */
  static long write(Path file, long samples) throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("""
          <?xml version="1.0" encoding="UTF-8"?>
          <!DOCTYPE HealthData [
          <!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary)*)>
          <!ATTLIST HealthData locale CDATA #REQUIRED>
          <!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
          <!ATTLIST Record type CDATA #REQUIRED unit CDATA #IMPLIED value CDATA #IMPLIED sourceName CDATA #REQUIRED
            sourceVersion CDATA #IMPLIED device CDATA #IMPLIED creationDate CDATA #IMPLIED startDate CDATA #REQUIRED
            endDate CDATA #REQUIRED>
          ]>
          <HealthData locale="en_US">
           <ExportDate value="2024-01-02 09:00:00 -0800"/>
           <Me HKCharacteristicTypeIdentifierDateOfBirth="1985-06-01" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale"/>
          """);
      long start = java.time.LocalDateTime.of(2023, 1, 1, 0, 0).toEpochSecond(java.time.ZoneOffset.ofHours(-8));
      StringBuilder line = new StringBuilder(400);
      for (long i = 0; i < samples; i++) {
        String at = date(start + i * STEP_SECONDS);
        int bpm = 60 + (int) (15 * Math.sin(i * 2 * Math.PI / 17_280)) + random.nextInt(8);
        line.setLength(0);
        line.append(" <Record type=\"HKQuantityTypeIdentifierHeartRate\" sourceName=\"Bench’s Apple Watch\""
                + " sourceVersion=\"9.0\" device=\"&lt;&lt;HKDevice: 0x283a5c0a0&gt;, name:Apple Watch,"
                + " manufacturer:Apple Inc., model:Watch, hardware:Watch6,2, software:9.0&gt;\" unit=\"count/min\""
                + " creationDate=\"").append(at).append("\" startDate=\"").append(at).append("\" endDate=\"")
            .append(at).append("\" value=\"").append(bpm).append("\"/>\n");
        out.append(line);
      }
      out.write("</HealthData>\n");
    }
    return Files.size(file);
  }

  /** {@code yyyy-MM-dd HH:mm:ss -0800} of an epoch second, in the export's fixed offset. */
  static String date(long epochSecond) {
    return java.time.LocalDateTime.ofEpochSecond(epochSecond, 0, java.time.ZoneOffset.ofHours(-8))
        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + " -0800";
  }
}
