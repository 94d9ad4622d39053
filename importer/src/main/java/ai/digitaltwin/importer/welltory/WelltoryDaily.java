package ai.digitaltwin.importer.welltory;

import ai.digitaltwin.importer.Csv;
import ai.digitaltwin.importer.ImportContext;
import ai.digitaltwin.importer.Metric;
import ai.digitaltwin.importer.Parser;
import ai.digitaltwin.importer.ReadingSink;
import ai.digitaltwin.importer.UnreadableInputException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

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

  private static final List<String> REQUIRED = List.of("user_code", "day", "resting_pulse");

  public static boolean matches(String header) {
    return layout(null).matches(header);
  }

  @Override
  public void read(InputStream in, String name, ImportContext ctx, ReadingSink out)
      throws IOException, UnreadableInputException {
    PersonRows.read(in, name, ctx, out, layout(ctx));
  }

  private static PersonRows.Layout layout(ImportContext ctx) {
    return new PersonRows.Layout("wearables.csv", REQUIRED, "daily summaries", header -> {
      int day = Csv.column(header, "day");
      int steps = Csv.column(header, "steps_count");
      int spo2 = Csv.column(header, "average_spo2_value");
      int temp = Csv.column(header, "body_temperature_avg");
      int resting = Csv.column(header, "resting_pulse");
      return (f, origin, out) -> {
        Instant end;
        try {
          end = LocalDate.parse(f.get(day)).plusDays(1).atStartOfDay(ctx.zone()).toInstant();
        } catch (DateTimeParseException e) {
          out.skip("unparseable timestamp");
          return;
        }
        PersonRows.value(f, steps, Metric.STEPS, DoubleUnaryOperator.identity(), end, origin, out);
        PersonRows.value(f, spo2, Metric.SPO2, v -> v <= 1 ? v * 100 : v, end, origin, out);
        PersonRows.value(f, temp, Metric.BODY_TEMP_C, DoubleUnaryOperator.identity(), end, origin, out);
        for (int c = 0; c < header.size(); c++) {
          String column = header.get(c);
          if (!f.get(c).isEmpty() && !READ.contains(column)) {
            out.skip(c == resting ? RESTING : PULSES.contains(column) ? PULSE : OTHER);
          }
        }
      };
    });
  }
}
