package ai.digitaltwin.bench.stack;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.schemas.Tables;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/**
 * The reference data layout of the query figures: every health event of the stack's current Iceberg
 * snapshot in one Parquet file sorted by (twin_id, ts), the ideal a compaction could reach. Written by
 * DuckDB from the snapshot's data files, so it holds exactly the rows the API could see then.
 */
public final class SortedFile {
  private SortedFile() {}

  public static Path write(Path warehouse, Path file) throws IOException, SQLException {
    List<String> files = new ArrayList<>();
    try (TwinCatalog catalog = TwinCatalog.open(CatalogConfig.local(warehouse))) {
      Table table = catalog.table(Tables.HEALTH_EVENTS);
      table.refresh();
      try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
        for (FileScanTask task : tasks) {
          files.add(task.file().location().replaceFirst("^file:", ""));
        }
      }
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no health events in " + warehouse);
    }
    String list = String.join(", ", files.stream().map(f -> "'" + f.replace("'", "''") + "'").toList());
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      s.execute("COPY (SELECT * FROM read_parquet([" + list + "]) ORDER BY twin_id, ts) TO '"
          + file.toString().replace("'", "''") + "' (FORMAT parquet)");
    }
    return file;
  }

  /**
   * Runs a reference query ({@code sql} with {@code %s} for the file, parameters twin, from, to) and reads
   * every value of every row; returns the row count.
   */
  public static int query(Connection db, String sql, Path file, String twin, Instant from, Instant to) throws Exception {
    try (PreparedStatement s = db.prepareStatement(String.format(sql, "'" + file.toString().replace("'", "''") + "'"))) {
      s.setString(1, twin);
      s.setObject(2, from.atOffset(ZoneOffset.UTC));
      s.setObject(3, to.atOffset(ZoneOffset.UTC));
      int rows = 0;
      try (ResultSet rs = s.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int c = 1; c <= columns; c++) {
            rs.getObject(c);
          }
          rows++;
        }
      }
      return rows;
    }
  }
}
