package ai.digitaltwin.generator.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the generator's tab-separated data files from the class path: '#' starts a comment line. */
public final class Tsv {
  private Tsv() {}

  /** The rows of {@code generator/<name>}, each split on tabs, blank and comment lines skipped. */
  public static List<String[]> rows(String name) {
    String path = "/generator/" + name;
    try (InputStream in = Tsv.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing data file " + path);
      }
      List<String[]> rows = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split("\t"));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  public static double num(String[] row, int column) {
    return Double.parseDouble(row[column].trim());
  }
}
