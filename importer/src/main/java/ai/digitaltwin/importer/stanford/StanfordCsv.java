package ai.digitaltwin.importer.stanford;

import ai.digitaltwin.importer.Csv;
import ai.digitaltwin.importer.ImportContext;
import ai.digitaltwin.importer.LocalTimes;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The Stanford COVID-19 wearables study files (Mishra et al. 2020): {@code ,user,datetime,heartrate} or
 * {@code user,datetime,steps}, a pandas row index as an optional first column, fields quoted or not,
 * {@code datetime} naive local time. Heart rate is a sample at its time; a steps row is the count of the
 * minute starting at its time, so it is stamped at the minute's end (the contract's steps are "since the
 * previous reading"). Rows of another person than the chosen one are skipped.
 */
public final class StanfordCsv implements Parser {
  static final Duration STEP_INTERVAL = Duration.ofMinutes(1);

  /** Whether a header line is one of this format's. */
  public static boolean matches(String header) {
    List<String> h = Csv.split(header);
    return Csv.column(h, "user") >= 0 && Csv.column(h, "datetime") >= 0
        && (Csv.column(h, "heartrate") >= 0 || Csv.column(h, "steps") >= 0);
  }

  /** The person of the first data row, or null. */
  public static String firstUser(List<String> lines) {
    if (lines.size() < 2) {
      return null;
    }
    List<String> h = Csv.split(lines.get(0));
    List<String> row = Csv.split(lines.get(1));
    int user = Csv.column(h, "user");
    return user >= 0 && user < row.size() ? row.get(user).trim() : null;
  }

  @Override
  public void read(InputStream in, String name, ImportContext ctx, ReadingSink out)
      throws IOException, UnreadableInputException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    String headerLine = lines.readLine();
    if (headerLine == null || !matches(headerLine)) {
      throw new UnreadableInputException(name + ": not a Stanford wearables CSV (header ',user,datetime,heartrate' or ',user,datetime,steps')");
    }
    List<String> header = Csv.split(headerLine);
    int user = Csv.column(header, "user");
    int time = Csv.column(header, "datetime");
    int hr = Csv.column(header, "heartrate");
    int value = hr >= 0 ? hr : Csv.column(header, "steps");
    Metric metric = hr >= 0 ? Metric.HEART_RATE : Metric.STEPS;
    int width = header.size();
    String chosen = ctx.user();
    String line;
    while ((line = lines.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      List<String> f = Csv.split(line);
      if (f.size() != width) {
        out.skip("unparseable row (" + f.size() + " fields, the header has " + width + ")");
        continue;
      }
      String who = f.get(user).trim();
      if (chosen == null) {
        chosen = who;
      } else if (!chosen.equals(who)) {
        out.skip("row of another person than " + chosen);
        continue;
      }
      Instant at = LocalTimes.parse(f.get(time), ctx.zone());
      if (at == null) {
        out.skip("unparseable timestamp");
        continue;
      }
      double v;
      try {
        v = Double.parseDouble(f.get(value).trim());
      } catch (NumberFormatException e) {
        out.skip("unparseable " + metric.field() + " value");
        continue;
      }
      out.accept(new Reading(metric == Metric.STEPS ? at.plus(STEP_INTERVAL) : at, metric, v, "stanford:" + who));
    }
  }
}
