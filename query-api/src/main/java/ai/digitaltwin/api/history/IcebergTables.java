package ai.digitaltwin.api.history;

import ai.digitaltwin.catalog.TwinCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.io.CloseableIterable;

/**
 * The Iceberg side of every DuckDB database of one API, polled once for all of them. Each table is
 * loaded once and then only {@link Table#refresh() refreshed}, which re-reads table metadata only when
 * its location changed (a commit); a snapshot's data files are planned once, with their column
 * statistics, so per-twin queries can skip files that cannot match. Two databases (the API's and the
 * SQL sandbox's) polling within {@code minInterval} of each other share one refresh.
 */
public final class IcebergTables {
  /**
   * One snapshot of a table and its data files; {@code snapshotId} -1 when the table has none. {@code
   * oneSchema}: the table never had another schema, so all its files have the same columns.
   */
  public record Current(
      String table,
      Schema schema,
      long snapshotId,
      Instant committedAt,
      List<PlannedFile> files,
      long snapshots,
      boolean oneSchema) {}

  private final TwinCatalog catalog;
  private final Duration minInterval;
  private final DataFileCache files;
  private final LongSupplier nanoTime;
  private final Map<String, Table> loaded = new ConcurrentHashMap<>();
  private final Map<String, Current> current = new ConcurrentHashMap<>();
  private final Map<String, Long> refreshedAt = new ConcurrentHashMap<>();

  /** {@code files}: where data files kept in object storage are copied for DuckDB. */
  public IcebergTables(TwinCatalog catalog, Duration minInterval, DataFileCache files) {
    this(catalog, minInterval, files, System::nanoTime);
  }

  IcebergTables(TwinCatalog catalog, Duration minInterval, DataFileCache files, LongSupplier nanoTime) {
    this.catalog = catalog;
    this.minInterval = minInterval;
    this.files = files;
    this.nanoTime = nanoTime;
  }

  /** Where remote data files are copied; time travel reads older snapshots' files through it too. */
  public DataFileCache files() {
    return files;
  }

  /**
   * The table's current snapshot and files, refreshed unless another database just did it ({@code
   * force}: refreshed in any case, for a caller that knows of a commit).
   */
  public synchronized Current current(String name, boolean force) {
    long now = nanoTime.getAsLong();
    Long last = refreshedAt.get(name);
    Current known = current.get(name);
    if (!force && known != null && last != null && now - last < minInterval.toNanos()) {
      return known;
    }
    Table table = table(name, true);
    refreshedAt.put(name, now);
    Snapshot snapshot = table == null ? null : table.currentSnapshot();
    long snapshotId = snapshot == null ? -1 : snapshot.snapshotId();
    if (known != null && known.snapshotId() == snapshotId) {
      return known;
    }
    Current fresh =
        new Current(
            name,
            table == null ? ai.digitaltwin.catalog.TableDefinitions.of(name).schema() : table.schema(),
            snapshotId,
            snapshot == null ? null : Instant.ofEpochMilli(snapshot.timestampMillis()),
            snapshot == null ? List.of() : plan(table, snapshotId),
            table == null ? 0 : count(table.snapshots()),
            table == null || table.schemas().size() <= 1);
    current.put(name, fresh);
    return fresh;
  }

  /** The loaded table (for time travel), as of the newest poll. */
  public Table table(String name) {
    Table table = table(name, false);
    if (table == null) {
      throw new NoSuchTableException("Table does not exist: %s", name);
    }
    return table;
  }

  private Table table(String name, boolean refresh) {
    Table table = loaded.get(name);
    if (table != null) {
      if (refresh) {
        table.refresh();
      }
      return table;
    }
    try {
      table = catalog.table(name);
    } catch (NoSuchTableException e) {
      return null;
    }
    loaded.put(name, table);
    return table;
  }

  /** The data files of one snapshot of a table, with their statistics, as DuckDB can read them. */
  private List<PlannedFile> plan(Table table, long snapshotId) {
    List<PlannedFile> planned = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks =
        table.newScan().useSnapshot(snapshotId).includeColumnStats().planFiles()) {
      for (FileScanTask task : tasks) {
        planned.add(new PlannedFile(IcebergViews.localPath(table, task.file().location(), files), task.file()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(planned);
  }

  private static long count(Iterable<?> items) {
    long n = 0;
    for (Object ignored : items) {
      n++;
    }
    return n;
  }
}
