package ai.digitaltwin.api.ingest;

import ai.digitaltwin.api.error.ApiException;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.api.kafka.EventProducer;
import ai.digitaltwin.api.twin.TwinRef;
import ai.digitaltwin.importer.Checks;
import ai.digitaltwin.importer.Format;
import ai.digitaltwin.importer.ImportContext;
import ai.digitaltwin.importer.Importer;
import ai.digitaltwin.importer.Inputs;
import ai.digitaltwin.importer.Skips;
import ai.digitaltwin.importer.UnreadableInputException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code POST /twins/{id}/import}: a wearable export uploaded as the request body (the dashboard's
 * "Import data"), read by {@code ./twin import}'s own parsers (the {@code importer} module: the same
 * formats, told from the content, the same checks and event ids) into the twin's history. The body is
 * kept in a file of its own while it is read (a zip needs random access) and deleted after. Timestamps
 * written without a zone are read in the twin's zone. The answer is the command's summary: readings
 * sent ({@code records}), what was left out by reason ({@code skipped}), the span of what was sent, and
 * the messages of what could not be read ({@code problems}).
 */
public final class ExportUpload {
  /** The largest upload kept: a year of an Apple Health export is ~2 GB unzipped, far less zipped. */
  static final long MAX_BYTES = 4L << 30;
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._ ()-]{1,128}");

  /**
   * The answer: readings sent, left out by reason (reason to count), the span of those sent (null when
   * none), the seconds it took and what could not be read.
   */
  public record Summary(
      String twinId, long records, Map<String, Long> skipped, String from, String to, double seconds,
      List<String> problems) {}

  private final TwinHistory history;
  private final EventProducer events;
  private final Clock clock;
  private final Path tmp;

  /** {@code tmp}: where uploads are kept while they are read (the data directory's, not the system's). */
  public ExportUpload(TwinHistory history, EventProducer events, Clock clock, Path tmp) {
    this.history = history;
    this.events = events;
    this.clock = clock;
    this.tmp = tmp;
  }

  public void upload(Context ctx) throws IOException {
    long started = System.nanoTime();
    TwinRef twin = TwinRef.of(ctx);
    String twinId = twin.id();
    Format forced = format(ctx.queryParam("format"));
    String fileName = fileName(ctx.queryParam("filename"));
    Path dir = Files.createTempDirectory(Files.createDirectories(tmp), "upload-");
    try {
      Path file = dir.resolve(fileName);
      keep(ctx.bodyInputStream(), file);
      history.refreshNow(); // the duplicate check sees every reading committed so far
      Skips skips = new Skips();
      ImportBatches batches =
          new ImportBatches(twinId, history, events, clock.instant().plus(IngestController.CLOCK_SKEW), skips);
      List<String> problems;
      try (Inputs inputs = Inputs.of(List.of(file), forced, ImportContext.DEFAULT_MAX_ENTRY_BYTES, skips)) {
        ImportContext context = new ImportContext(zone(twin.row().profile().timezone()), ctx.queryParam("user"),
            ImportContext.DEFAULT_MAX_ENTRY_BYTES);
        problems = new Importer(context, new Checks(batches, clock), done -> {}).run(inputs);
        batches.flush();
      } catch (UnreadableInputException e) {
        throw ApiException.badRequest(e.getMessage().replace(dir + "/", ""), "file");
      }
      ctx.status(202).json(new Summary(
          twinId,
          batches.records(),
          skips.asMap(),
          batches.from() == null ? null : batches.from().toString(),
          batches.to() == null ? null : batches.to().toString(),
          Math.round((System.nanoTime() - started) / 1e8) / 10.0,
          problems.stream().map(p -> p.replace(dir + "/", "")).toList()));
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void keep(InputStream body, Path file) throws IOException {
    long written = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        written += n;
        if (written > MAX_BYTES) {
          throw new ApiException(413, "too_large", "An upload may be at most " + (MAX_BYTES >> 30)
              + " GiB; import larger exports with ./twin import", null);
        }
        out.write(buffer, 0, n);
      }
    }
    if (written == 0) {
      throw ApiException.badRequest("The body is empty: send the export file as the request body", "file");
    }
  }

  private static Format format(String id) {
    if (id == null) {
      return null;
    }
    try {
      return Format.byId(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage(), "format");
    }
  }

  /** The upload's file name (its messages name it; a {@code .gz} or {@code .zip} is told by content anyway). */
  private static String fileName(String name) {
    if (name == null) {
      return "export";
    }
    // the last part of a path, split by hand: a name with a NUL or other bytes no path may hold is refused
    // below with the others, not by the file system
    String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    if (!FILE_NAME.matcher(base).matches() || base.startsWith(".")) {
      throw ApiException.badRequest("filename may have letters, digits, '.', '_', '-', ' ' and brackets, got '" + name + "'",
          "filename");
    }
    return base;
  }

  private static ZoneId zone(String timezone) {
    try {
      return timezone == null ? ZoneOffset.UTC : ZoneId.of(timezone);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }
}
