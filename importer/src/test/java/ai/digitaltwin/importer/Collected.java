package ai.digitaltwin.importer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** What an import read, without the API: the readings after the checks, the skips and the problems. */
final class Collected implements ReadingSink {
  static final Path SAMPLES = Path.of("..", "samples", "real-wearables");
  static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");
  static final Clock NOW = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

  final List<Reading> readings = new ArrayList<>();
  final Skips skips = new Skips();
  List<String> problems;

  @Override
  public void accept(Reading r) {
    readings.add(r);
  }

  @Override
  public void skip(String reason) {
    skips.add(reason);
  }

  List<Reading> of(Metric metric) {
    return readings.stream().filter(r -> r.metric() == metric).toList();
  }

  static Collected read(ZoneId zone, String user, Path... paths) throws Exception {
    return read(zone, user, ImportContext.DEFAULT_MAX_ENTRY_BYTES, null, paths);
  }

  static Collected read(ZoneId zone, String user, long maxEntry, Format forced, Path... paths) throws Exception {
    Collected c = new Collected();
    try (Inputs inputs = Inputs.of(List.of(paths), forced, maxEntry, c.skips)) {
      c.problems = new Importer(new ImportContext(zone, user, maxEntry), new Checks(c, NOW), done -> { }).run(inputs);
    }
    return c;
  }
}
