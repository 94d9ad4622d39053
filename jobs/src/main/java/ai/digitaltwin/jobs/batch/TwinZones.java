package ai.digitaltwin.jobs.batch;

import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.schemas.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/** Each twin's time zone from {@code twin_registry}: the newest row of the twin that names one. */
public final class TwinZones {
  private TwinZones() {}

  static LocalDays read(TwinCatalog catalog) {
    return new LocalDays(of(catalog));
  }

  /** The zones by twin; a twin whose rows name none is not in it. */
  public static Map<String, String> of(TwinCatalog catalog) {
    Map<String, String> zones = new HashMap<>();
    Map<String, OffsetDateTime> asOf = new HashMap<>();
    try (CloseableIterable<Record> rows =
        IcebergGenerics.read(catalog.table(Tables.TWIN_REGISTRY)).select("twin_id", "ts", "timezone").build()) {
      for (Record r : rows) {
        String twin = (String) r.getField("twin_id");
        String zone = (String) r.getField("timezone");
        OffsetDateTime ts = (OffsetDateTime) r.getField("ts");
        if (zone != null && (asOf.get(twin) == null || !ts.isBefore(asOf.get(twin)))) {
          zones.put(twin, zone);
          asOf.put(twin, ts);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return zones;
  }
}
