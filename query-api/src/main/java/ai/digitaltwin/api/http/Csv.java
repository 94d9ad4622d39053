package ai.digitaltwin.api.http;

import ai.digitaltwin.api.history.QueryResult;
import java.util.List;

/** RFC 4180 CSV of a query result: a header line, then one line per row; nulls are empty fields. */
public final class Csv {
  private Csv() {}

  public static String of(QueryResult result) {
    StringBuilder out = new StringBuilder();
    line(out, List.copyOf(result.columns()));
    for (List<Object> row : result.rows()) {
      line(out, row);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<?> values) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(values.get(i)));
    }
    out.append("\r\n");
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String text = value instanceof List<?> list ? String.join(";", list.stream().map(String::valueOf).toList()) : value.toString();
    if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
