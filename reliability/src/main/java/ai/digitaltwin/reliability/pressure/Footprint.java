package ai.digitaltwin.reliability.pressure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestReader;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/**
 * A table's size on disk and in its current snapshot. {@code orphans}: data, manifest and manifest-list
 * files that no retained snapshot references (expiry should have deleted them); checksum sidecars
 * ({@code .crc}, written by the local file system), metadata JSON versions (capped by the table
 * properties) and the version hint are counted apart.
 */
record Footprint(
    int day, long filesOnDisk, long bytesOnDisk, long metadataJson, long liveDataFiles, long snapshots, long rows, long orphans) {

  static Footprint of(int day, Table table, Path location) {
    table.refresh();
    Set<String> referenced = referenced(table);
    long files = 0;
    long bytes = 0;
    long json = 0;
    long orphans = 0;
    try (Stream<Path> walk = Files.walk(location)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        files++;
        bytes += Files.size(p);
        String name = p.getFileName().toString();
        if (name.endsWith(".metadata.json")) {
          json++;
        } else if (!name.endsWith(".crc") && !name.equals("version-hint.text") && !referenced.contains(p.toString())) {
          orphans++;
        }
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
    return new Footprint(day, files, bytes, json, live, snapshots, rows, orphans);
  }

  private static Set<String> referenced(Table table) {
    Set<String> paths = new HashSet<>();
    for (Snapshot s : table.snapshots()) {
      paths.add(local(s.manifestListLocation()));
      for (ManifestFile m : s.allManifests(table.io())) {
        paths.add(local(m.path()));
        try (ManifestReader<DataFile> reader = ManifestFiles.read(m, table.io())) {
          for (DataFile f : reader) {
            paths.add(local(f.location()));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return paths;
  }

  private static String local(String location) {
    return location.replaceFirst("^file:(//)?", "");
  }
}
