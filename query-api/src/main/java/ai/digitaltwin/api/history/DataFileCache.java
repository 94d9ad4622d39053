package ai.digitaltwin.api.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.SeekableInputStream;

/**
 * Local copies of data files kept in object storage ({@code s3://...}), fetched once through the
 * table's own {@link FileIO}, so DuckDB reads plain local Parquet files and needs none of its extensions
 * (which it would download at run time). Iceberg never rewrites a data file in place — a commit adds new
 * files — so a copy can never go stale and needs no invalidation.
 *
 * <p>Copies of files that later snapshots dropped stay until the directory is cleared; it is a cache,
 * and deleting it at any time is safe. Its directory is the API's {@code DATA_FILE_CACHE_DIR}
 * ({@link ai.digitaltwin.api.ApiConfig}).
 */
public final class DataFileCache {
  private final Path dir;

  private DataFileCache(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  public static DataFileCache in(Path dir) {
    return new DataFileCache(dir);
  }

  public Path dir() {
    return dir;
  }

  /** True for locations DuckDB cannot open as they are: anything but a local path or {@code file:} URI. */
  public static boolean isRemote(String location) {
    return location.contains("://") && !location.startsWith("file:");
  }

  /** The local copy of {@code location}, fetched through {@code io} if it is not here yet. */
  public Path localCopy(FileIO io, String location) {
    Path target = pathFor(location);
    if (Files.exists(target)) {
      return target;
    }
    try {
      Files.createDirectories(target.getParent());
      // a partial download never takes the final name: write aside, then rename atomically
      Path partial = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".part");
      try (SeekableInputStream in = io.newInputFile(location).newStream()) {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(partial);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot fetch " + location + " into " + dir, e);
    }
  }

  /** {@code s3://bucket/a/b.parquet} → {@code <dir>/s3/bucket/a/b.parquet}; never outside {@code dir}. */
  Path pathFor(String location) {
    URI uri = URI.create(location);
    if (uri.getScheme() == null || uri.getAuthority() == null || uri.getPath() == null) {
      throw new IllegalArgumentException("not a remote file location: " + location);
    }
    Path path = dir.resolve(uri.getScheme()).resolve(uri.getAuthority()).resolve(uri.getPath().replaceFirst("^/+", ""))
        .normalize();
    if (!path.startsWith(dir.resolve(uri.getScheme()))) {
      throw new IllegalArgumentException("location escapes the cache directory: " + location);
    }
    return path;
  }
}
