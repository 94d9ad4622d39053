package ai.digitaltwin.reliability.pressure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/** A table's size on disk and in its current snapshot. */
record Footprint(int day, long filesOnDisk, long bytesOnDisk, long metadataFiles, long liveDataFiles, long snapshots, long rows) {

  static Footprint of(int day, Table table, Path location) {
    table.refresh();
    long files = 0;
    long bytes = 0;
    long metadata = 0;
    try (Stream<Path> walk = Files.walk(location)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        files++;
        bytes += Files.size(p);
        metadata += p.startsWith(location.resolve("metadata")) ? 1 : 0;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long live = 0;
    long rows = 0;
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask t : tasks) {
        live++;
        rows += t.file().recordCount();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long snapshots = 0;
    for (Snapshot ignored : table.snapshots()) {
      snapshots++;
    }
    return new Footprint(day, files, bytes, metadata, live, snapshots, rows);
  }
}
