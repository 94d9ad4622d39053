package ai.digitaltwin.api.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.iceberg.inmemory.InMemoryFileIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFileCacheTest {
  static final String FILE = "s3://warehouse/twin/health_events/data/ts_day=2026-03-01/00000-1.parquet";

  @TempDir Path dir;

  @Test
  void fetchesARemoteFileOnceThroughTheTablesFileIo() throws IOException {
    InMemoryFileIO io = new InMemoryFileIO();
    write(io, FILE, "parquet bytes");
    DataFileCache cache = DataFileCache.in(dir);

    Path copy = cache.localCopy(io, FILE);

    assertThat(copy).isEqualTo(dir.resolve("s3/warehouse/twin/health_events/data/ts_day=2026-03-01/00000-1.parquet"));
    assertThat(Files.readString(copy)).isEqualTo("parquet bytes");
    // data files are immutable: the copy is served without asking the store again
    io.deleteFile(FILE);
    assertThat(cache.localCopy(io, FILE)).isEqualTo(copy);
    try (var files = Files.list(copy.getParent())) {
      assertThat(files).containsExactly(copy); // no partial download left behind
    }
  }

  @Test
  void aFileMissingFromTheStoreIsAnErrorNotAnEmptyCopy() {
    DataFileCache cache = DataFileCache.in(dir);
    assertThatThrownBy(() -> cache.localCopy(new InMemoryFileIO(), FILE)).isInstanceOf(RuntimeException.class);
    assertThat(Files.exists(cache.pathFor(FILE))).isFalse();
  }

  @Test
  void locationsCannotEscapeTheCacheDirectory() {
    DataFileCache cache = DataFileCache.in(dir);
    assertThatThrownBy(() -> cache.pathFor("s3://warehouse/../../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("location escapes the cache directory: s3://warehouse/../../etc/passwd");
  }

  @Test
  void onlyObjectStorageLocationsAreRemote() {
    assertThat(DataFileCache.isRemote(FILE)).isTrue();
    assertThat(DataFileCache.isRemote("gs://bucket/f.parquet")).isTrue();
    assertThat(DataFileCache.isRemote("file:/srv/twin/warehouse/f.parquet")).isFalse();
    assertThat(DataFileCache.isRemote("/srv/twin/warehouse/f.parquet")).isFalse();
  }

  private static void write(InMemoryFileIO io, String location, String text) throws IOException {
    try (OutputStream out = io.newOutputFile(location).create()) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
