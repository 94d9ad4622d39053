package ai.digitaltwin.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The files an import reads, from the paths it was given: a file; every file under a directory; every
 * entry of a zip (Apple's {@code export.zip} holds {@code apple_health_export/export.xml}, a Takeout zip
 * Fitbit's per-day JSON); a {@code .gz} file unpacked on the fly. Each file's format is told from the
 * start of its content unless one is forced. A zip entry that is itself a zip, that declares more than
 * the entry limit or that compresses more than {@value #MAX_RATIO}:1 is rejected before it is unpacked (an
 * entry that lies about its size is stopped while read); files of no known format inside a directory or
 * archive are counted and left.
 */
public final class Inputs implements AutoCloseable {
  static final int HEAD = 8192;
  static final long MAX_RATIO = 1000;

  /** One file to read: its name for messages, how to open it, its size in the bytes counted while read. */
  public record Source(String name, Opener opener, long size, Format format) {}

  /** Opens a source; {@code counter} wraps the bytes its size counts (a .gz file's packed bytes). */
  @FunctionalInterface
  public interface Opener {
    InputStream open(UnaryOperator<InputStream> counter) throws IOException;

    default InputStream open() throws IOException {
      return open(UnaryOperator.identity());
    }
  }

  private final List<Source> sources = new ArrayList<>();
  private final List<String> rejected = new ArrayList<>();
  private final Skips skips;
  private final List<ZipFile> zips = new ArrayList<>();
  private final long maxEntryBytes;
  private final Format forced;

  private Inputs(Skips skips, long maxEntryBytes, Format forced) {
    this.skips = skips;
    this.maxEntryBytes = maxEntryBytes;
    this.forced = forced;
  }

  /**
   * The sources under {@code paths}, in order (a directory's files sorted by path).
   *
   * @throws UnreadableInputException when a path does not exist, or a file named on its own is of no
   *     known format
   */
  public static Inputs of(List<Path> paths, Format forced, long maxEntryBytes, Skips skips)
      throws IOException, UnreadableInputException {
    Inputs inputs = new Inputs(skips, maxEntryBytes, forced);
    try {
      for (Path path : paths) {
        if (!Files.exists(path)) {
          throw new UnreadableInputException(path + ": no such file or directory");
        }
        if (Files.isDirectory(path)) {
          List<Path> files;
          try (Stream<Path> walk = Files.walk(path)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
          }
          for (Path file : files) {
            inputs.file(file, false);
          }
        } else {
          inputs.file(path, true);
        }
      }
    } catch (IOException | UnreadableInputException | RuntimeException e) {
      inputs.close();
      throw e;
    }
    return inputs;
  }

  public List<Source> sources() {
    return Collections.unmodifiableList(sources);
  }

  /** Messages of the zip entries rejected (nested archives, oversized entries). */
  public List<String> rejected() {
    return Collections.unmodifiableList(rejected);
  }

  public long totalBytes() {
    return sources.stream().mapToLong(Source::size).sum();
  }

  private void file(Path file, boolean named) throws IOException, UnreadableInputException {
    byte[] magic = head(Files.newInputStream(file), 4);
    String name = file.toString();
    if (isZip(magic)) {
      zip(file, named);
      return;
    }
    boolean gz = magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
    Opener opener = gz
        ? counter -> new GZIPInputStream(counter.apply(Files.newInputStream(file)), 1 << 16)
        : counter -> counter.apply(Files.newInputStream(file));
    add(name, opener, Files.size(file), head(opener.open(), HEAD), named);
  }

  private void zip(Path file, boolean named) throws IOException, UnreadableInputException {
    ZipFile zip = new ZipFile(file.toFile());
    zips.add(zip);
    int before = sources.size();
    List<? extends ZipEntry> entries = Collections.list(zip.entries());
    for (ZipEntry entry : entries) {
      if (entry.isDirectory()) {
        continue;
      }
      String name = file + "!" + entry.getName();
      if (entry.getName().toLowerCase(Locale.ROOT).endsWith(".zip") || isZip(head(zip.getInputStream(entry), 4))) {
        reject(name + ": a zip inside the zip is not read; unpack it and import its content", "zip entry rejected: nested zip");
        continue;
      }
      if (entry.getSize() > maxEntryBytes) {
        reject(name + ": declares " + entry.getSize() + " bytes, more than --max-entry-size " + maxEntryBytes
            + "; not read", "zip entry rejected: larger than --max-entry-size");
        continue;
      }
      if (entry.getCompressedSize() > 0 && entry.getSize() / entry.getCompressedSize() > MAX_RATIO) {
        reject(name + ": compressed " + entry.getSize() / entry.getCompressedSize() + ":1, more than " + MAX_RATIO
            + ":1 (a zip bomb, not an export); not read", "zip entry rejected: compression ratio");
        continue;
      }
      Opener opener = counter -> counter.apply(new CountingInputStream(zip.getInputStream(entry), maxEntryBytes, name));
      byte[] head;
      try (InputStream in = opener.open()) {
        head = in.readNBytes(HEAD);
      }
      add(name, opener, Math.max(entry.getSize(), 0), head, false);
    }
    if (named && sources.size() == before && rejected.isEmpty()) {
      throw new UnreadableInputException(file + ": a zip with no file of a known format (" + Format.ids() + ")");
    }
  }

  private void add(String name, Opener opener, long size, byte[] head, boolean named)
      throws UnreadableInputException {
    Format format = forced != null ? forced : Format.detect(new String(head, StandardCharsets.UTF_8));
    if (format == null) {
      if (named) {
        throw new UnreadableInputException(name + ": format not recognised (known: " + Format.ids()
            + "); force one with --format if it is one of them");
      }
      skips.add("file of unknown format");
      return;
    }
    sources.add(new Source(name, opener, size, format));
  }

  private void reject(String message, String reason) {
    rejected.add(message);
    skips.add(reason);
  }

  private static boolean isZip(byte[] magic) {
    return magic.length >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
  }

  private static byte[] head(InputStream in, int n) throws IOException {
    try (InputStream s = new BufferedInputStream(in)) {
      return s.readNBytes(n);
    }
  }

  @Override
  public void close() {
    for (ZipFile zip : zips) {
      try {
        zip.close();
      } catch (IOException ignored) {
        // read-only archive: nothing is lost when closing fails
      }
    }
  }
}
