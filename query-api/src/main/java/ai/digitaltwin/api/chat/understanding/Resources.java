package ai.digitaltwin.api.chat.understanding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads the chat's data files from the class path: tab-separated lines ('#' comments and blank lines
 * skipped), plain lines, and properties (UTF-8). Here because understanding is the first stage to read
 * them; the voice and the narrator read theirs through it too.
 */
public final class Resources {
  private Resources() {}

  public static List<String[]> tsv(String path, int minColumns) {
    List<String[]> rows = new ArrayList<>();
    int lineNumber = 0;
    for (String line : lines(path)) {
      lineNumber++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (cells.length < minColumns) {
        throw new IllegalStateException(
            path + ":" + lineNumber + ": expected " + minColumns + " tab-separated columns, got "
                + cells.length);
      }
      rows.add(cells);
    }
    return rows;
  }

  /** A properties file read as UTF-8. */
  public static Properties properties(String path) {
    Properties properties = new Properties();
    try (InputStreamReader reader = new InputStreamReader(open(path), StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
    return properties;
  }

  public static List<String> lines(String path) {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(open(path), StandardCharsets.UTF_8))) {
      return reader.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }

  private static InputStream open(String path) {
    InputStream in = Resources.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("Missing resource on the class path: " + path);
    }
    return in;
  }
}
