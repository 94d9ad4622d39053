package ai.digitaltwin.importer.welltory;

import ai.digitaltwin.importer.Csv;
import ai.digitaltwin.importer.ImportContext;
import ai.digitaltwin.importer.LocalTimes;
import ai.digitaltwin.importer.Metric;
import ai.digitaltwin.importer.Parser;
import ai.digitaltwin.importer.ReadingSink;
import ai.digitaltwin.importer.UnreadableInputException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Welltory's {@code hrv_measurements.csv}: one smartphone-camera measurement per row at
 * {@code measurement_datetime} (naive local time): its {@code bpm} as a heart-rate reading and its
 * {@code rmssd} (ms) as the contract's {@code hrv_ms}, which is RMSSD. The other indices (SDNN, pNN50,
 * spectral powers) and the self-ratings have no field. Many people per file: {@code --user} chooses.
 */
public final class WelltoryHrv implements Parser {
  private static final List<String> REQUIRED = List.of("user_code", "measurement_datetime", "rmssd");

  public static boolean matches(String header) {
    return layout(null).matches(header);
  }

  @Override
  public void read(InputStream in, String name, ImportContext ctx, ReadingSink out)
      throws IOException, UnreadableInputException {
    PersonRows.read(in, name, ctx, out, layout(ctx));
  }

  private static PersonRows.Layout layout(ImportContext ctx) {
    return new PersonRows.Layout("hrv_measurements.csv", REQUIRED, "measurements", header -> {
      int time = Csv.column(header, "measurement_datetime");
      int bpm = Csv.column(header, "bpm");
      int rmssd = Csv.column(header, "rmssd");
      return (f, origin, out) -> {
        Instant at = LocalTimes.parse(f.get(time), ctx.zone());
        if (at == null) {
          out.skip("unparseable timestamp");
          return;
        }
        PersonRows.value(f, bpm, Metric.HEART_RATE, DoubleUnaryOperator.identity(), at, origin, out);
        PersonRows.value(f, rmssd, Metric.HRV_MS, DoubleUnaryOperator.identity(), at, origin, out);
      };
    });
  }
}
