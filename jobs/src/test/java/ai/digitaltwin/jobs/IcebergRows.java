package ai.digitaltwin.jobs;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TwinCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/** Reads a table back with Iceberg's generic reader: what the tests assert on. */
public final class IcebergRows {
  private IcebergRows() {}

  public static List<Record> read(CatalogConfig config, String table) {
    try (TwinCatalog catalog = TwinCatalog.open(config)) {
      Table t = catalog.table(table);
      t.refresh();
      List<Record> rows = new ArrayList<>();
      try (CloseableIterable<Record> records = IcebergGenerics.read(t).build()) {
        records.forEach(r -> rows.add(r.copy()));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
