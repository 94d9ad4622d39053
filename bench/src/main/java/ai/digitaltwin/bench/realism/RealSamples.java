package ai.digitaltwin.bench.realism;

import ai.digitaltwin.bench.real.StanfordSamples;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The vendored real recordings ({@code samples/real-wearables}, formats in its README) brought to
 * {@link PersonDay}s and {@link DaySummary}s: the Stanford wearers' minutes (heart-rate samples averaged per
 * minute, steps per minute) and Welltory's daily resting pulse and steps. Days around a labelled illness
 * are left out, so the reference is of people in their ordinary health.
 */
public final class RealSamples {
  /** Left out around a labelled symptom onset: the pre-symptomatic rise (Mishra et al. 2020) and recovery. */
  static final int ILL_DAYS_BEFORE = 14;
  static final int ILL_DAYS_AFTER = 28;

  private RealSamples() {}

  /** Every Stanford wearer's days, by person, in date order. */
  public static Map<String, List<PersonDay>> stanford(Path dir) throws IOException {
    Map<String, LocalDate> onsets = onsets(dir.resolve("labels.csv"));
    Map<String, List<PersonDay>> people = new TreeMap<>();
    List<Path> stepFiles;
    try (Stream<Path> files = Files.list(dir)) {
      stepFiles = files.filter(p -> p.getFileName().toString().endsWith("_steps.csv.gz")).sorted().toList();
    }
    if (stepFiles.isEmpty()) {
      throw new IOException("no *_steps.csv.gz recordings in " + dir);
    }
    for (Path stepsFile : stepFiles) {
      String id = stepsFile.getFileName().toString().replace("_steps.csv.gz", "");
      Map<LocalDate, PersonDay> days = new TreeMap<>();
      read(stepsFile, (t, v) -> day(days, id, t).steps()[minute(t)] = (int) v);
      Path hrFile = dir.resolve(id + "_hr.csv.gz");
      if (Files.exists(hrFile)) {
        Map<LocalDate, double[]> sums = new TreeMap<>();
        read(hrFile, (t, v) -> {
          double[] s = sums.computeIfAbsent(t.toLocalDate(), k -> new double[2 * PersonDay.MINUTES]);
          s[2 * minute(t)] += v;
          s[2 * minute(t) + 1]++;
        });
        sums.forEach((date, s) -> {
          PersonDay d = day(days, id, date.atStartOfDay());
          for (int m = 0; m < PersonDay.MINUTES; m++) {
            d.hr()[m] = s[2 * m + 1] == 0 ? Float.NaN : (float) (s[2 * m] / s[2 * m + 1]);
          }
        });
      }
      LocalDate onset = onsets.get(id);
      List<PersonDay> kept = new ArrayList<>();
      for (PersonDay d : days.values()) {
        boolean ill = onset != null && !d.date().isBefore(onset.minusDays(ILL_DAYS_BEFORE))
            && !d.date().isAfter(onset.plusDays(ILL_DAYS_AFTER));
        if (!ill) {
          kept.add(d);
        }
      }
      people.put(id, kept);
    }
    return people;
  }

  /** Welltory's user-days that give a resting pulse or steps (the device's own daily figures). */
  public static List<DaySummary> welltory(Path dir) throws IOException {
    List<DaySummary> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(dir.resolve("wearables.csv"), StandardCharsets.UTF_8)) {
      List<String> header = StanfordSamples.csv(in.readLine());
      int user = header.indexOf("user_code");
      int day = header.indexOf("day");
      int pulse = header.indexOf("resting_pulse");
      int steps = header.indexOf("steps_count");
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        List<String> f = StanfordSamples.csv(line);
        double rhr = number(f.get(pulse));
        double s = number(f.get(steps));
        if (!Double.isNaN(rhr) || !Double.isNaN(s)) {
          out.add(new DaySummary(f.get(user), LocalDate.parse(f.get(day)), rhr, s, Double.NaN, Double.NaN,
              Double.NaN, Double.NaN));
        }
      }
    }
    return out;
  }

  private interface Row {
    void accept(LocalDateTime at, double value);
  }

  /** A Stanford CSV: the column after {@code datetime} is the value; header spellings vary (README). */
  private static void read(Path file, Row row) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
      List<String> header = StanfordSamples.csv(in.readLine());
      int at = header.indexOf("datetime");
      if (at < 0 || at + 1 >= header.size()) {
        throw new IOException(file + ": no datetime column followed by a value in " + header);
      }
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        List<String> f = StanfordSamples.csv(line);
        if (f.size() <= at + 1 || f.get(at + 1).isEmpty()) {
          continue;
        }
        row.accept(LocalDateTime.parse(f.get(at).replace(' ', 'T')), Double.parseDouble(f.get(at + 1)));
      }
    }
  }

  private static Map<String, LocalDate> onsets(Path labels) throws IOException {
    Map<String, LocalDate> onsets = new TreeMap<>();
    if (!Files.exists(labels)) {
      return onsets;
    }
    try (BufferedReader in = Files.newBufferedReader(labels, StandardCharsets.UTF_8)) {
      List<String> header = StanfordSamples.csv(in.readLine());
      int user = header.indexOf("user");
      int onset = header.indexOf("symptom_onset");
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        List<String> f = StanfordSamples.csv(line);
        if (f.size() > onset && !f.get(onset).isEmpty()) {
          onsets.put(f.get(user), LocalDate.parse(f.get(onset)));
        }
      }
    }
    return onsets;
  }

  private static PersonDay day(Map<LocalDate, PersonDay> days, String id, LocalDateTime t) {
    return days.computeIfAbsent(t.toLocalDate(), d -> PersonDay.empty(id, d));
  }

  private static int minute(LocalDateTime t) {
    return t.getHour() * 60 + t.getMinute();
  }

  private static double number(String s) {
    return s == null || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }
}
