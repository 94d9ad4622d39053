package ai.digitaltwin.importer;

import java.util.ArrayList;
import java.util.List;

/** One CSV line split into fields, RFC 4180 quoting ({@code "a,b"}, {@code ""} for a quote inside). */
public final class Csv {
  private Csv() {}

  public static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out;
  }

  /** The position of {@code name} in a header, or -1. */
  public static int column(List<String> header, String name) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).trim().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }
}
