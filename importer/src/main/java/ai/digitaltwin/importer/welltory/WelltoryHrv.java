package ai.digitaltwin.importer.welltory;

import ai.digitaltwin.importer.Csv;
import ai.digitaltwin.importer.LocalTimes;
import ai.digitaltwin.importer.Metric;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Welltory's {@code hrv_measurements.csv}: one smartphone-camera measurement per row at
 * {@code measurement_datetime} (naive local time): its {@code bpm} as a heart-rate reading and its
 * {@code rmssd} (ms) as the contract's {@code hrv_ms}, which is RMSSD. The other indices (SDNN, pNN50,
 * spectral powers) and the self-ratings have no field. Many people per file: {@code --user} chooses.
 */
public final class WelltoryHrv extends PersonRows {
  private static final List<String> REQUIRED = List.of("user_code", "measurement_datetime", "rmssd");

  public WelltoryHrv() {
    super("hrv_measurements.csv", REQUIRED, "measurements", "measurement_datetime");
  }

  public static boolean matches(String header) {
    return matches(header, REQUIRED);
  }

  @Override
  Instant time(String cell, ZoneId zone) {
    return LocalTimes.parse(cell, zone);
  }

  @Override
  Row values(List<String> header) {
    int bpm = Csv.column(header, "bpm");
    int rmssd = Csv.column(header, "rmssd");
    return (f, at, origin, out) -> {
      value(f, bpm, Metric.HEART_RATE, DoubleUnaryOperator.identity(), at, origin, out);
      value(f, rmssd, Metric.HRV_MS, DoubleUnaryOperator.identity(), at, origin, out);
    };
  }
}
