package ai.digitaltwin.cluster;

import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.schemas.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/** Rows and distinct event ids of every table with an {@code event_id}, read back through Iceberg. */
record TableCounts(Map<String, Count> tables) {
  record Count(long rows, long distinctEventIds) {}

  static TableCounts read(TwinCatalog catalog) {
    Map<String, Count> counts = new LinkedHashMap<>();
    for (String name : Tables.ALL) {
      Table table = catalog.table(name);
      if (table.schema().findField("event_id") == null) {
        continue;
      }
      counts.put(name, count(table));
    }
    return new TableCounts(counts);
  }

  /** Rows in the table's current snapshot, from its summary: cheap enough to poll. */
  static long committedRows(TwinCatalog catalog, String name) {
    Table table = catalog.table(name);
    if (table.currentSnapshot() == null) {
      return 0;
    }
    return Long.parseLong(table.currentSnapshot().summary().getOrDefault("total-records", "0"));
  }

  private static Count count(Table table) {
    long rows = 0;
    Set<String> ids = new HashSet<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).select("event_id").build()) {
      for (Record record : records) {
        rows++;
        ids.add((String) record.getField("event_id"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Count(rows, ids.size());
  }

  long rows(String table) {
    return tables.get(table).rows();
  }
}
