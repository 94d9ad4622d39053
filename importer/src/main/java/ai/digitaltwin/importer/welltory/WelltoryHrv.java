package ai.digitaltwin.importer.welltory;

import ai.digitaltwin.importer.Csv;
import ai.digitaltwin.importer.ImportContext;
import ai.digitaltwin.importer.LocalTimes;
import ai.digitaltwin.importer.Metric;
import ai.digitaltwin.importer.Parser;
import ai.digitaltwin.importer.Reading;
import ai.digitaltwin.importer.ReadingSink;
import ai.digitaltwin.importer.UnreadableInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Welltory's {@code hrv_measurements.csv}: one smartphone-camera measurement per row at
 * {@code measurement_datetime} (naive local time): its {@code bpm} as a heart-rate reading and its
 * {@code rmssd} (ms) as the contract's {@code hrv_ms}, which is RMSSD. The other indices (SDNN, pNN50,
 * spectral powers) and the self-ratings have no field. Many people per file: {@code --user} chooses.
 */
public final class WelltoryHrv implements Parser {
  public static boolean matches(String header) {
    List<String> h = Csv.split(header);
    return Csv.column(h, "user_code") >= 0 && Csv.column(h, "measurement_datetime") >= 0 && Csv.column(h, "rmssd") >= 0;
  }

  @Override
  public void read(InputStream in, String name, ImportContext ctx, ReadingSink out)
      throws IOException, UnreadableInputException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String headerLine = lines.readLine();
    if (headerLine == null || !matches(headerLine)) {
      throw new UnreadableInputException(name + ": not a Welltory hrv_measurements.csv (header with user_code, measurement_datetime, rmssd)");
    }
    if (ctx.user() == null) {
      throw new UnreadableInputException(
          name + " holds the measurements of many people: choose one with --user USER_CODE");
    }
    List<String> header = Csv.split(headerLine);
    int user = Csv.column(header, "user_code");
    int time = Csv.column(header, "measurement_datetime");
    int bpm = Csv.column(header, "bpm");
    int rmssd = Csv.column(header, "rmssd");
    String origin = "welltory:" + ctx.user();
    String line;
    while ((line = lines.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      List<String> f = Csv.split(line);
      if (f.size() != header.size()) {
        out.skip("unparseable row (" + f.size() + " fields, the header has " + header.size() + ")");
        continue;
      }
      if (!ctx.user().equals(f.get(user))) {
        out.skip("row of another person than " + ctx.user());
        continue;
      }
      Instant at = LocalTimes.parse(f.get(time), ctx.zone());
      if (at == null) {
        out.skip("unparseable timestamp");
        continue;
      }
      value(f.get(bpm), Metric.HEART_RATE, at, origin, out);
      value(f.get(rmssd), Metric.HRV_MS, at, origin, out);
    }
  }

  private static void value(String raw, Metric metric, Instant at, String origin, ReadingSink out) {
    if (raw.isEmpty()) {
      return;
    }
    try {
      out.accept(new Reading(at, metric, Double.parseDouble(raw), origin));
    } catch (NumberFormatException e) {
      out.skip("unparseable " + metric.field() + " value");
    }
  }
}
