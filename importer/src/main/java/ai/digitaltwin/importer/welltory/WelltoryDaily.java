package ai.digitaltwin.importer.welltory;

import ai.digitaltwin.importer.Csv;
import ai.digitaltwin.importer.ImportContext;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * Welltory's {@code wearables.csv}: one row per person-day of daily summaries from whatever device the
 * person linked. A daily value is stamped at the end of its local day (midnight after {@code day}), when
 * the day's total is complete: {@code steps_count} as the day's steps, {@code average_spo2_value} (a
 * fraction in the published file, 0.92..0.99) as percent, {@code body_temperature_avg} in degrees Celsius.
 * {@code resting_pulse} has no field in the contract yet, and a day's pulse average, minimum and maximum
 * are summaries rather than readings: each is counted as skipped, as is every other non-empty summary
 * (calories, distance, exposure). The file holds many people: {@code --user} (or a {@code --twin} equal
 * to a {@code user_code}) chooses one.
 */
public final class WelltoryDaily implements Parser {
  static final String RESTING = "resting heart rate (no field in the wire contract)";
  static final String PULSE = "daily pulse average/min/max (a summary, not a reading)";
  static final String OTHER = "daily activity, energy or exposure summary (no field in the wire contract)";
  static final Set<String> PULSES = Set.of("pulse_average", "pulse_min", "pulse_max");
  static final Set<String> READ = Set.of("user_code", "day", "steps_count", "average_spo2_value", "body_temperature_avg");

  public static boolean matches(String header) {
    List<String> h = Csv.split(header);
    return Csv.column(h, "user_code") >= 0 && Csv.column(h, "day") >= 0 && Csv.column(h, "resting_pulse") >= 0;
  }

  @Override
  public void read(InputStream in, String name, ImportContext ctx, ReadingSink out)
      throws IOException, UnreadableInputException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String headerLine = lines.readLine();
    if (headerLine == null || !matches(headerLine)) {
      throw new UnreadableInputException(name + ": not a Welltory wearables.csv (header with user_code, day, resting_pulse)");
    }
    if (ctx.user() == null) {
      throw new UnreadableInputException(
          name + " holds the daily summaries of many people: choose one with --user USER_CODE");
    }
    List<String> header = Csv.split(headerLine);
    int user = Csv.column(header, "user_code");
    int day = Csv.column(header, "day");
    int steps = Csv.column(header, "steps_count");
    int spo2 = Csv.column(header, "average_spo2_value");
    int temp = Csv.column(header, "body_temperature_avg");
    int resting = Csv.column(header, "resting_pulse");
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
      Instant end;
      try {
        end = LocalDate.parse(f.get(day)).plusDays(1).atStartOfDay(ctx.zone()).toInstant();
      } catch (DateTimeParseException e) {
        out.skip("unparseable timestamp");
        continue;
      }
      value(f, steps, Metric.STEPS, 1, end, origin, out);
      value(f, spo2, Metric.SPO2, 0, end, origin, out);
      value(f, temp, Metric.BODY_TEMP_C, 1, end, origin, out);
      for (int c = 0; c < header.size(); c++) {
        String column = header.get(c);
        if (f.get(c).isEmpty() || READ.contains(column)) {
          continue;
        }
        out.skip(c == resting ? RESTING : PULSES.contains(column) ? PULSE : OTHER);
      }
    }
  }

  /** {@code scale} 0: a fraction or a percent, read as percent. */
  private static void value(List<String> f, int column, Metric metric, double scale, Instant at, String origin, ReadingSink out) {
    if (column < 0 || f.get(column).isEmpty()) {
      return;
    }
    try {
      double v = Double.parseDouble(f.get(column));
      if (scale == 0) {
        v = v <= 1 ? v * 100 : v;
      }
      out.accept(new Reading(at, metric, v, origin));
    } catch (NumberFormatException e) {
      out.skip("unparseable " + metric.field() + " value");
    }
  }
}
