package ai.digitaltwin.bench.importer;

import ai.digitaltwin.bench.BenchConfig;
import ai.digitaltwin.bench.report.Figure;
import ai.digitaltwin.bench.report.Goal;
import ai.digitaltwin.bench.report.Measure;
import ai.digitaltwin.importer.Checks;
import ai.digitaltwin.importer.ImportContext;
import ai.digitaltwin.importer.Reading;
import ai.digitaltwin.importer.ReadingSink;
import ai.digitaltwin.importer.apple.AppleHealthXml;
import ai.digitaltwin.importer.send.EventIds;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * The importer's Apple Health parse rate beside a bare StAX pass over the same file: a year of 5-s heart
 * rate (6.3 M records, about 2 GB; a quick run: 30 days); then the same file imported end to end into a
 * started stack by the command under {@code -Xmx512m} ({@link ImportIntoStack}), timed until queryable. The importer side is what it does per sample
 * before sending — parse the record, convert, check the range and time, derive the event id; the bare side
 * only walks the elements with the same StAX reader settings and reads each record's value attribute.
 * Runs alternate, so the machine's load falls on both sides alike.
 */
public final class ImportBench {
  static final long YEAR = 365L * 24 * 3600 / AppleExportWriter.STEP_SECONDS;
  static final long QUICK = 30L * 24 * 3600 / AppleExportWriter.STEP_SECONDS;

  private ImportBench() {}

  public static List<Figure> run(BenchConfig config, Path work, PrintStream log) throws Exception {
    long samples = config.quick() ? QUICK : YEAR;
    Path file = work.resolve("export.xml");
    long t0 = System.nanoTime();
    long bytes = AppleExportWriter.write(file, samples);
    log.printf(Locale.ROOT, "  wrote %,d records (%,d MB) in %.1f s%n", samples, bytes >> 20, (System.nanoTime() - t0) / 1e9);
    int runs = Math.min(config.runs(), config.quick() ? 3 : 2);
    List<Double> importer = new ArrayList<>();
    List<Double> bare = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      bare.add(rate(samples, () -> bare(file), "bare StAX", log));
      importer.add(rate(samples, () -> importer(file), "importer", log));
    }
    ImportIntoStack.Result e2e = ImportIntoStack.run(file, Files.createDirectories(work.resolve("stack")), config.childJvmOptions(), log);
    Files.deleteIfExists(file);
    if (e2e.records() != samples || e2e.rowsInHistory() != samples) {
      throw new IllegalStateException("the end-to-end import landed " + e2e.records() + " records, history holds "
          + e2e.rowsInHistory() + "; the export has " + samples);
    }
    String size = String.format(Locale.ROOT, "%,d heart-rate records every 5 s (%,d MB export.xml)%s", samples, bytes >> 20,
        config.quick() ? ", quick: 30 days instead of a year" : "");
    String note = String.format(Locale.ROOT, "%s; %d alternating runs per side; importer = parse, convert, check, event id"
        + " (no HTTP)", size, runs);
    String e2eNote = String.format(Locale.ROOT, "%s; ./twin import's command in its own JVM (%s) into the embedded stack"
        + " (./twin up's main, its own process), from its launch until every reading is visible over SQL (the command's"
        + " --wait); %,.0f records/s%s", size, ImportIntoStack.HEAP, samples / e2e.seconds(),
        config.quick() ? "; the 180 s goal is the year's" : "");
    String memoryNote = String.format(Locale.ROOT, "the same run: the importer's peak RSS (kernel VmHWM, read every 0.2 s)"
        + " while it streamed the %,d MB file under %s, heap and JVM overhead together", bytes >> 20, ImportIntoStack.HEAP);
    return List.of(
        Figure.of("Apple Health import: parse rate vs a bare StAX pass",
            Measure.of("importer", "records/s", importer.stream().mapToDouble(Double::doubleValue).toArray()),
            Measure.of("bare StAX pass", "records/s", bare.stream().mapToDouble(Double::doubleValue).toArray()),
            note, Goal.ratioAtLeast(0.5)),
        config.quick()
            ? Figure.of("Apple Health import end to end: imported and queryable over SQL",
                Measure.of("import until queryable", "s", e2e.seconds()), null, e2eNote)
            : Figure.of("Apple Health import end to end: imported and queryable over SQL",
                Measure.of("import until queryable", "s", e2e.seconds()), null, e2eNote, Goal.valueAtMost(180)),
        Figure.of("Apple Health import: the importer's memory on the whole export",
            Measure.of("importer peak RSS", "MB", e2e.peakRssMb()), null, memoryNote, Goal.valueAtMost(1024)));
  }

  interface Pass {
    long run() throws Exception;
  }

  private static double rate(long expected, Pass pass, String what, PrintStream log) throws Exception {
    long start = System.nanoTime();
    long n = pass.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (n != expected) {
      throw new IllegalStateException(what + " read " + n + " records, the export has " + expected);
    }
    log.printf(Locale.ROOT, "  %-10s %,.0f records/s (%.1f s)%n", what, n / seconds, seconds);
    return n / seconds;
  }

  static long importer(Path file) throws Exception {
    long[] count = new long[1];
    long[] ids = new long[1];
    ReadingSink sink = new ReadingSink() {
      @Override
      public void accept(Reading r) {
        ids[0] += EventIds.of("bench-twin", r).length();
        count[0]++;
      }

      @Override
      public void skip(String reason) {
        throw new IllegalStateException("skipped: " + reason);
      }
    };
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      new AppleHealthXml().read(in, file.toString(), new ImportContext(ZoneOffset.UTC, null, Long.MAX_VALUE),
          new Checks(sink, Clock.systemUTC()));
    }
    return ids[0] > 0 ? count[0] : 0;
  }

  static long bare(Path file) throws Exception {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    long count = 0;
    long chars = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      XMLStreamReader xml = f.createXMLStreamReader(in);
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Record")) {
          chars += xml.getAttributeValue(null, "value").length();
          count++;
        }
      }
      xml.close();
    }
    return chars > 0 ? count : 0;
  }
}
