package ai.digitaltwin.importer.welltory;

import ai.digitaltwin.importer.Csv;
import ai.digitaltwin.importer.Metric;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * Welltory's {@code wearables.csv}: one row per person-day of daily summaries from whatever device the
 * person linked. A daily value is stamped at the end of its local day (midnight after {@code day}), when
 * the day's total is complete: {@code steps_count} as the day's steps, {@code average_spo2_value} (a
 * fraction in the published file, 0.92..0.99) as percent, {@code body_temperature_avg} in degrees Celsius,
 * {@code resting_pulse} as the device's resting heart rate of the day ({@code resting_hr}). A day's pulse
 * average, minimum and maximum are summaries rather than readings: each is counted as skipped, as is
 * every other non-empty summary (calories, distance, exposure). The file holds many people: {@code
 * --user} (or a {@code --twin} equal to a {@code user_code}) chooses one.
 */
public final class WelltoryDaily extends PersonRows {
  static final String PULSE = "daily pulse average/min/max (a summary, not a reading)";
  static final String OTHER = "daily activity, energy or exposure summary (no field in the wire contract)";
  static final Set<String> PULSES = Set.of("pulse_average", "pulse_min", "pulse_max");
  static final Set<String> READ = Set.of("user_code", "day", "steps_count", "average_spo2_value", "body_temperature_avg", "resting_pulse");
  private static final Metric RESTING_HR = Metric.of("resting_hr");

  private static final List<String> REQUIRED = List.of("user_code", "day", "resting_pulse");

  public WelltoryDaily() {
    super("wearables.csv", REQUIRED, "daily summaries", "day");
  }

  public static boolean matches(String header) {
    return matches(header, REQUIRED);
  }

  /** The end of the local day: the midnight after it. */
  @Override
  Instant time(String cell, ZoneId zone) {
    return LocalDate.parse(cell).plusDays(1).atStartOfDay(zone).toInstant();
  }

  @Override
  Row values(List<String> header) {
    int steps = Csv.column(header, "steps_count");
    int spo2 = Csv.column(header, "average_spo2_value");
    int temp = Csv.column(header, "body_temperature_avg");
    int resting = Csv.column(header, "resting_pulse");
    return (f, end, origin, out) -> {
      value(f, steps, Metric.STEPS, DoubleUnaryOperator.identity(), end, origin, out);
      value(f, spo2, Metric.SPO2, v -> v <= 1 ? v * 100 : v, end, origin, out);
      value(f, temp, Metric.BODY_TEMP_C, DoubleUnaryOperator.identity(), end, origin, out);
      value(f, resting, RESTING_HR, DoubleUnaryOperator.identity(), end, origin, out);
      for (int c = 0; c < header.size(); c++) {
        String column = header.get(c);
        if (!f.get(c).isEmpty() && !READ.contains(column)) {
          out.skip(PULSES.contains(column) ? PULSE : OTHER);
        }
      }
    };
  }
}
