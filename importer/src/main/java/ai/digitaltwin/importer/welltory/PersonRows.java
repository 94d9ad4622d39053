package ai.digitaltwin.importer.welltory;

import ai.digitaltwin.importer.Csv;
import ai.digitaltwin.importer.ImportContext;
import ai.digitaltwin.importer.Metric;
import ai.digitaltwin.importer.Reading;
import ai.digitaltwin.importer.ReadingSink;
import ai.digitaltwin.importer.UnreadableInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/**
 * What both Welltory files share: a header to recognise, many people in one file of whom {@code --user}
 * chooses one, and rows of that person handed to a per-file reader; rows of other people and rows with the
 * wrong number of fields are counted as skipped.
 */
final class PersonRows {

  /** Reads one row of the chosen person. */
  @FunctionalInterface
  interface Row {
    void read(List<String> fields, String origin, ReadingSink out);
  }

  /** One Welltory file: how its header is recognised and named, and its row reader for a given header. */
  record Layout(String file, List<String> required, String holds, Function<List<String>, Row> rows) {
    boolean matches(String headerLine) {
      List<String> h = Csv.split(headerLine);
      return required.stream().allMatch(c -> Csv.column(h, c) >= 0);
    }
  }

  private PersonRows() {}

  static void read(InputStream in, String name, ImportContext ctx, ReadingSink out, Layout layout)
      throws IOException, UnreadableInputException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String headerLine = lines.readLine();
    if (headerLine == null || !layout.matches(headerLine)) {
      throw new UnreadableInputException(
          name + ": not a Welltory " + layout.file() + " (header with " + String.join(", ", layout.required()) + ")");
    }
    if (ctx.user() == null) {
      throw new UnreadableInputException(
          name + " holds the " + layout.holds() + " of many people: choose one with --user USER_CODE");
    }
    List<String> header = Csv.split(headerLine);
    int user = Csv.column(header, "user_code");
    Row row = layout.rows().apply(header);
    String origin = "welltory:" + ctx.user();
    String line;
    while ((line = lines.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      List<String> f = Csv.split(line);
      if (f.size() != header.size()) {
        out.skip("unparseable row (" + f.size() + " fields, the header has " + header.size() + ")");
      } else if (!ctx.user().equals(f.get(user))) {
        out.skip("row of another person than " + ctx.user());
      } else {
        row.read(f, origin, out);
      }
    }
  }

  /** A number in a column (none when the column is absent or the cell empty), converted to the metric's unit. */
  static void value(List<String> f, int column, Metric metric, DoubleUnaryOperator unit, Instant at, String origin,
      ReadingSink out) {
    if (column < 0 || f.get(column).isEmpty()) {
      return;
    }
    try {
      out.accept(new Reading(at, metric, unit.applyAsDouble(Double.parseDouble(f.get(column))), origin));
    } catch (NumberFormatException e) {
      out.skip("unparseable " + metric.field() + " value");
    }
  }
}
