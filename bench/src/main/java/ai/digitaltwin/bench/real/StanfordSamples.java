package ai.digitaltwin.bench.real;

import ai.digitaltwin.jobs.anomaly.Rest;
import ai.digitaltwin.jobs.backtest.RealScore;
import ai.digitaltwin.schemas.HealthEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * Reads the vendored Stanford COVID-19 wearables study files ({@code samples/real-wearables/}) into the
 * readings a wearable's import gives the stream job, for scoring only: one reading per heart-rate sample
 * and one per minute with steps (the study's steps rows of zero say nothing the absence of a reading does
 * not), no activity, source {@code import}, naive local times on {@link Rest}'s clock. Columns are found
 * by name: the files have a leading index column or not, quoted headers or not.
 */
public final class StanfordSamples {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private StanfordSamples() {}

  /** A labelled or unlabelled person of {@code labels.csv}; {@code onset} null when it cannot be placed. */
  public record Label(String person, LocalDate onset, boolean heartRate) {}

  /** One person's readings in event-time order and the days with heart rate (or steps, without it). */
  public record Recording(String person, List<HealthEvent> readings, Set<LocalDate> days) {}

  public static List<Label> labels(Path dir) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve("labels.csv"), StandardCharsets.UTF_8);
    List<String> header = Arrays.asList(lines.get(0).split(","));
    int user = header.indexOf("user");
    int onset = header.indexOf("symptom_onset");
    int hr = header.indexOf("hr_available");
    List<Label> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = csv(line);
      String date = cells.get(onset);
      out.add(new Label(cells.get(user), date.isEmpty() ? null : LocalDate.parse(date), "yes".equals(cells.get(hr))));
    }
    return out;
  }

  public static Recording read(Path dir, String person) throws IOException {
    List<HealthEvent> readings = new ArrayList<>();
    Set<LocalDate> hrDays = new TreeSet<>();
    Set<LocalDate> stepDays = new TreeSet<>();
    Path hr = dir.resolve(person + "_hr.csv.gz");
    if (Files.exists(hr)) {
      column(hr, "heartrate", (ts, value) -> {
        readings.add(reading(person, ts, value, 0, "hr"));
        hrDays.add(RealScore.day(ts));
      });
    }
    column(dir.resolve(person + "_steps.csv.gz"), "steps", (ts, value) -> {
      stepDays.add(RealScore.day(ts));
      if (value > 0) {
        readings.add(reading(person, ts, null, (int) value, "steps"));
      }
    });
    // a sample and a step count of the same instant fall into the same minute, which is judged as a whole
    readings.sort(Comparator.comparingLong(e -> e.getTs().toEpochMilli()));
    return new Recording(person, readings, Files.exists(hr) ? hrDays : stepDays);
  }

  private static HealthEvent reading(String person, long ts, Double bpm, int steps, String kind) {
    return HealthEvent.newBuilder()
        .setEventId(person + "/" + kind + "/" + ts)
        .setTwinId(person)
        .setTs(Instant.ofEpochMilli(ts))
        .setHeartRate(bpm)
        .setSteps(steps)
        .setSource("import")
        .build();
  }

  private interface Row {
    void accept(long ts, double value);
  }

  private static void column(Path file, String name, Row row) throws IOException {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      List<String> header = csv(in.readLine());
      int time = header.indexOf("datetime");
      int value = header.indexOf(name);
      if (time < 0 || value < 0) {
        throw new IOException(file + ": no 'datetime' and '" + name + "' columns in header " + header);
      }
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        List<String> cells = csv(line);
        long ts = LocalDateTime.parse(cells.get(time), TIME).atZone(Rest.UTC).toInstant().toEpochMilli();
        row.accept(ts, Double.parseDouble(cells.get(value)));
      }
    }
  }

  /**
   * Splits a line of the vendored sample files (Stanford and Welltory CSVs, labels.csv): commas, fields
   * optionally in double quotes, a comma inside quotes kept in the field, the quotes removed.
   */
  public static List<String> csv(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
