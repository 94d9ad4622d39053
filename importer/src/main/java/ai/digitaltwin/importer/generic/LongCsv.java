package ai.digitaltwin.importer.generic;

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
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The generic long CSV: a header {@code timestamp,metric,value} or {@code timestamp,metric,value,unit},
 * one sample per row. {@code timestamp}: ISO-8601 with an offset ({@code 2020-01-01T08:00:00-08:00},
 * {@code ...Z}), epoch milliseconds, or naive local time ({@code 2020-01-01 08:00:00}, read in
 * {@code --timezone}). {@code metric}: a field of the wire contract (heart_rate, systolic_bp,
 * diastolic_bp, spo2, body_temp_c, resp_rate, hrv_ms, steps). {@code unit} (optional) converts: body_temp_c
 * in {@code degF}/{@code F}; spo2 as a {@code fraction}; otherwise the contract's unit.
 */
public final class LongCsv implements Parser {
  public static boolean matches(String header) {
    List<String> h = Csv.split(header.toLowerCase(Locale.ROOT));
    return h.size() >= 3 && h.get(0).trim().equals("timestamp") && h.get(1).trim().equals("metric")
        && h.get(2).trim().equals("value") && (h.size() == 3 || h.size() == 4 && h.get(3).trim().equals("unit"));
  }

  @Override
  public void read(InputStream in, String name, ImportContext ctx, ReadingSink out)
      throws IOException, UnreadableInputException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    String header = lines.readLine();
    if (header == null || !matches(header)) {
      throw new UnreadableInputException(name + ": not a generic long CSV (header 'timestamp,metric,value[,unit]')");
    }
    int width = Csv.split(header).size();
    String line;
    while ((line = lines.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      List<String> f = Csv.split(line);
      if (f.size() != width) {
        out.skip("unparseable row (" + f.size() + " fields, the header has " + width + ")");
        continue;
      }
      Instant at = time(f.get(0).trim(), ctx);
      if (at == null) {
        out.skip("unparseable timestamp");
        continue;
      }
      String name0 = f.get(1).trim().toLowerCase(Locale.ROOT);
      Metric metric = Metric.byField(name0);
      if (metric == null) {
        out.skip("unknown metric " + name0);
        continue;
      }
      double value;
      try {
        value = Double.parseDouble(f.get(2).trim());
      } catch (NumberFormatException e) {
        out.skip("unparseable " + metric.field() + " value");
        continue;
      }
      String unit = width == 4 ? f.get(3).trim() : "";
      Double converted = convert(metric, value, unit);
      if (converted == null) {
        out.skip("unit '" + unit + "' not understood for " + metric.field());
        continue;
      }
      out.accept(new Reading(at, metric, converted, "csv"));
    }
  }

  static Instant time(String t, ImportContext ctx) {
    if (t.matches("[0-9]{10,13}")) {
      return Instant.ofEpochMilli(Long.parseLong(t));
    }
    try {
      return OffsetDateTime.parse(t.replace(' ', 'T')).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      return LocalTimes.parse(t, ctx.zone());
    }
  }

  /**
   * The value in the contract's unit, or null for a unit this metric cannot be in: the metric's own unit
   * under any of its usual names, or degrees Fahrenheit for Celsius, or a fraction for a percentage.
   */
  static Double convert(Metric metric, double value, String unit) {
    String u = unit.toLowerCase(Locale.ROOT);
    if (u.isEmpty()) {
      return value;
    }
    return switch (metric.unit()) {
      case "degC" -> switch (u) {
        case "degc", "c", "°c", "celsius" -> value;
        case "degf", "f", "°f", "fahrenheit" -> (value - 32) * 5 / 9;
        default -> null;
      };
      case "%" -> switch (u) {
        case "%", "percent" -> value;
        case "fraction" -> value * 100;
        default -> null;
      };
      case "count/min" -> u.equals("count/min") || u.equals("bpm") || u.equals("/min") ? value : null;
      case "count" -> u.equals("count") || u.equals("steps") ? value : null;
      default -> u.equals(metric.unit().toLowerCase(Locale.ROOT)) ? value : null;
    };
  }
}
