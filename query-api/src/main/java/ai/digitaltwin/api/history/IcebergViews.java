package ai.digitaltwin.api.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.util.SnapshotUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one DuckDB view per Iceberg table pointing at the data files of the table's current snapshot.
 * DuckDB has no Iceberg extension offline, so Iceberg's Java API plans the files and DuckDB reads them
 * with {@code read_parquet}. A view is replaced only when its table's snapshot changed; per-twin queries
 * can ask for a {@link #relation} over only the files whose statistics can match.
 */
public final class IcebergViews {
  private static final Logger LOG = LoggerFactory.getLogger(IcebergViews.class);

  /** What a view currently shows. */
  public record ViewState(String table, long snapshotId, Instant committedAt, int files, long snapshots) {}

  private final IcebergTables iceberg;
  private final List<String> tables;
  private final Map<String, ViewState> states = new ConcurrentHashMap<>();
  private final Map<String, IcebergTables.Current> shown = new ConcurrentHashMap<>();

  public IcebergViews(IcebergTables iceberg, List<String> tables) {
    this.iceberg = iceberg;
    this.tables = List.copyOf(tables);
  }

  /** Brings every view up to its table's current snapshot; returns the tables whose view changed. */
  public List<String> refresh(Connection connection) {
    return refresh(connection, false);
  }

  /** As {@link #refresh(Connection)}; {@code force} asks Iceberg even if the other database just did. */
  public synchronized List<String> refresh(Connection connection, boolean force) {
    List<String> changed = new ArrayList<>();
    for (String name : tables) {
      try {
        if (refreshOne(connection, name, force)) {
          changed.add(name);
        }
      } catch (RuntimeException | SQLException e) {
        LOG.warn("cannot refresh view {}: {}", name, e.toString());
      }
    }
    return changed;
  }

  private boolean refreshOne(Connection connection, String name, boolean force) throws SQLException {
    IcebergTables.Current current = iceberg.current(name, force);
    ViewState previous = states.get(name);
    if (previous != null && previous.snapshotId() == current.snapshotId()) {
      return false;
    }
    List<String> files = current.files().stream().map(PlannedFile::path).toList();
    try (Statement statement = connection.createStatement()) {
      statement.execute(ViewDefinitions.view(name, current.schema(), files, current.oneSchema()));
    }
    shown.put(name, current);
    states.put(
        name, new ViewState(name, current.snapshotId(), current.committedAt(), files.size(), current.snapshots()));
    return true;
  }

  /**
   * A parenthesised relation with the rows of the view {@code name} that may hold {@code twinId} in
   * {@code from <= ts < to} (null ends: open): the view's snapshot, minus files whose partition and
   * column bounds rule them out. Queries still filter on the twin and the time; this only reads less.
   */
  public String relation(String name, String twinId, Instant from, Instant to) {
    IcebergTables.Current current = shown.get(name);
    if (current == null) {
      return ViewDefinitions.quote(name);
    }
    List<String> files = PlannedFile.matching(current.schema(), current.files(), twinId, from, to);
    return "(" + ViewDefinitions.select(current.schema(), files, current.oneSchema()) + ")";
  }

  /**
   * Whether any file of the shown snapshot may hold rows of {@code twinId} with {@code from <= ts < to}, by
   * the files' bounds; true when the table's files are not known (its view reads them all).
   */
  public boolean mayHold(String name, String twinId, Instant from, Instant to) {
    IcebergTables.Current current = shown.get(name);
    return current == null || !PlannedFile.matching(current.schema(), current.files(), twinId, from, to).isEmpty();
  }

  /**
   * The newest {@code ts} the shown snapshot's files may hold for {@code twinId}, by their bounds; empty
   * when unknown. A query of a twin's newest rows can start near it and read only the newest files.
   */
  public Optional<Instant> newest(String name, String twinId) {
    IcebergTables.Current current = shown.get(name);
    return current == null ? Optional.empty() : PlannedFile.newest(current.schema(), current.files(), twinId);
  }

  /**
   * Local paths of the data files of one snapshot of a table (time travel uses older snapshot ids); files
   * in object storage are copied into {@code remote} first.
   */
  public static List<String> dataFiles(Table table, long snapshotId, DataFileCache remote) {
    List<String> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(snapshotId).planFiles()) {
      for (FileScanTask task : tasks) {
        files.add(localPath(table, task.file().location(), remote));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** A path DuckDB can read: remote data files are copied locally first (immutable, fetched once). */
  static String localPath(Table table, String location, DataFileCache remote) {
    if (DataFileCache.isRemote(location)) {
      return remote.localCopy(table.io(), location).toString();
    }
    return localPath(location);
  }

  static String localPath(String location) {
    if (location.startsWith("file:")) {
      return Path.of(URI.create(location)).toString();
    }
    return location;
  }

  /** A table as the system saw it at a wall-clock instant: the snapshot current then and its files. */
  public record AsOf(String table, Long snapshotId, Instant committedAt, String select) {}

  /**
   * The snapshot of {@code name} that was current at {@code systemTime} and a SELECT over its data files
   * (an empty relation when the table had no snapshot yet). Iceberg time travel, read by DuckDB.
   */
  public AsOf asOf(String name, Instant systemTime) {
    Table table = iceberg.table(name);
    Snapshot chosen;
    try {
      chosen = table.snapshot(SnapshotUtil.snapshotIdAsOfTime(table, systemTime.toEpochMilli()));
    } catch (IllegalArgumentException e) {
      chosen = null; // no snapshot that old
    }
    if (chosen == null) {
      return new AsOf(name, null, null, ViewDefinitions.select(table.schema(), List.of(), true));
    }
    return new AsOf(
        name,
        chosen.snapshotId(),
        Instant.ofEpochMilli(chosen.timestampMillis()),
        ViewDefinitions.select(
            table.schema(), dataFiles(table, chosen.snapshotId(), iceberg.files()), table.schemas().size() <= 1));
  }

  /** The loaded table (its current snapshot and properties), as of the newest poll. */
  public Table table(String name) {
    return iceberg.table(name);
  }

  public Optional<ViewState> state(String table) {
    return Optional.ofNullable(states.get(table));
  }

  public Map<String, ViewState> states() {
    return Map.copyOf(states);
  }
}
