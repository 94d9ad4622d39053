package ai.digitaltwin.importer.welltory;

import ai.digitaltwin.importer.Csv;
import ai.digitaltwin.importer.ImportContext;
import ai.digitaltwin.importer.Metric;
import ai.digitaltwin.importer.Parser;
import ai.digitaltwin.importer.Reading;
import ai.digitaltwin.importer.ReadingSink;
import ai.digitaltwin.importer.UnreadableInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * What both Welltory files share: a header to recognise, many people in one file of whom {@code --user}
 * chooses one, and a time column that stamps every value of a row. Rows of other people, rows with the wrong
 * number of fields and rows whose time does not parse are counted as skipped; each file says how its time
 * is read and which values a row holds.
 */
abstract class PersonRows implements Parser {

  /** Reads the values of one row of the chosen person, all stamped {@code at}. */
  @FunctionalInterface
  interface Row {
    void read(List<String> fields, Instant at, String origin, ReadingSink out);
  }

  private final String file;
  private final List<String> required;
  private final String holds;
  private final String timeColumn;

  /**
   * @param file the file's name in Welltory's export, for messages
   * @param required the header's columns that recognise the file; {@code timeColumn} among them
   * @param holds what a row is, for messages
   */
  PersonRows(String file, List<String> required, String holds, String timeColumn) {
    this.file = file;
    this.required = required;
    this.holds = holds;
    this.timeColumn = timeColumn;
  }

  /** Whether a header line has every one of the {@code required} columns. */
  static boolean matches(String headerLine, List<String> required) {
    List<String> h = Csv.split(headerLine);
    return required.stream().allMatch(c -> Csv.column(h, c) >= 0);
  }

  /** The instant of a row's time cell in the person's zone; null (or a parse exception) when it does not parse. */
  abstract Instant time(String cell, ZoneId zone);

  /** The reader of a row's values, for the columns of {@code header}. */
  abstract Row values(List<String> header);

  @Override
  public final void read(InputStream in, String name, ImportContext ctx, ReadingSink out)
      throws IOException, UnreadableInputException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String headerLine = lines.readLine();
    if (headerLine == null || !matches(headerLine, required)) {
      throw new UnreadableInputException(
          name + ": not a Welltory " + file + " (header with " + String.join(", ", required) + ")");
    }
    if (ctx.user() == null) {
      throw new UnreadableInputException(
          name + " holds the " + holds + " of many people: choose one with --user USER_CODE");
    }
    List<String> header = Csv.split(headerLine);
    int user = Csv.column(header, "user_code");
    int time = Csv.column(header, timeColumn);
    Row row = values(header);
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
        Instant at = at(f.get(time), ctx.zone());
        if (at == null) {
          out.skip("unparseable timestamp");
        } else {
          row.read(f, at, origin, out);
        }
      }
    }
  }

  private Instant at(String cell, ZoneId zone) {
    try {
      return time(cell, zone);
    } catch (DateTimeParseException e) {
      return null;
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
