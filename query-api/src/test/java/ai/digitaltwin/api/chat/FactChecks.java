package ai.digitaltwin.api.chat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The figure a dialogue turn must state, computed from the fixture's generated rows (not with the chat's
 * SQL): "hr_avg FROM TO", "steps FROM TO", "episodes FROM TO" (one per type and start, whose start lies
 * in [FROM, TO), as GET /anomalies counts them).
 */
final class FactChecks {
  private final TwinFixture data;

  FactChecks(TwinFixture data) {
    this.data = data;
  }

  String expected(String check) {
    String[] p = check.split(" ");
    Instant from = Instant.parse(p[1]);
    Instant to = Instant.parse(p[2]);
    return switch (p[0]) {
      case "hr_avg" -> {
        List<Double> values = data.readings.stream().filter(r -> in(r.ts(), from, to)).map(TwinFixture.Reading::heartRate)
            .filter(Objects::nonNull).toList();
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
        yield "my heart rate averaged " + num(Math.round(mean * 10.0) / 10.0) + " bpm";
      }
      case "steps" -> "walked " + data.readings.stream().filter(r -> in(r.ts(), from, to))
          .mapToLong(TwinFixture.Reading::steps).sum() + " steps";
      case "episodes" -> {
        long n = data.anomalies.stream().filter(a -> in(a.start(), from, to))
            .map(a -> a.type() + "@" + a.start()).distinct().count();
        yield n == 0 ? "I had no alerts" : n == 1 ? "I had one alert" : "I had " + n + " alerts";
      }
      default -> throw new IllegalArgumentException("Unknown check: " + check);
    };
  }

  private static boolean in(Instant ts, Instant from, Instant to) {
    return !ts.isBefore(from) && ts.isBefore(to);
  }

  private static String num(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
