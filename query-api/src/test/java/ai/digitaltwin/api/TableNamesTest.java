package ai.digitaltwin.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.schemas.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Table names are declared once, in {@link Tables}: SQL in this module names a table through its constant,
 * so that a renamed table cannot leave a query reading a view that no longer exists. This reads every main
 * source's string literals (text blocks included, comments left out) for {@code FROM <table>} or
 * {@code JOIN <table>} written out.
 */
class TableNamesTest {
  private static final Path MAIN = Path.of("src/main/java");

  /**
   * FROM or JOIN, then a declared table name as a whole word, optionally quoted as an identifier (an
   * escaped quote, as it stands inside a Java literal).
   */
  static final Pattern WRITTEN_OUT = Pattern.compile(
      "(?i)\\b(FROM|JOIN)\\s+(\\\\?\")?(" + String.join("|", Tables.ALL) + ")\\b");

  @Test
  void noSqlLiteralOfTheMainSourcesNamesATable() throws IOException {
    assertThat(MAIN).isDirectory();
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String source = Files.readString(file);
        for (String hit : writtenOut(source)) {
          found.add(MAIN.relativize(file) + ": " + hit);
        }
      }
    }
    assertThat(found).as("use the constants of " + Tables.class.getName()).isEmpty();
  }

  @Test
  void theScanFindsANameWrittenOutAndOnlyInLiterals() {
    assertThat(writtenOut("String q = \"SELECT * FROM twin_state WHERE twin_id = ?\";"))
        .containsExactly("FROM twin_state");
    assertThat(writtenOut("String q = \"\"\"\n  SELECT 1\n  FROM a JOIN \\\"anomalies\\\" USING (twin_id)\n  \"\"\";"))
        .containsExactly("JOIN \\\"anomalies");
    assertThat(writtenOut("String q = \"SELECT * FROM \" + Tables.TWIN_STATE; // not FROM twin_state\n"
        + "/* nor \"FROM health_events\" */ char c = '\"'; String r = \"SELECT 1 FROM twin_states\";"))
        .isEmpty();
  }

  /** Each {@code FROM <table>} or {@code JOIN <table>} inside a string literal of {@code source}. */
  static List<String> writtenOut(String source) {
    List<String> hits = new ArrayList<>();
    for (String literal : literals(source)) {
      Matcher m = WRITTEN_OUT.matcher(literal);
      while (m.find()) {
        hits.add(m.group());
      }
    }
    return hits;
  }

  /** The contents of every string literal and text block, skipping comments and char literals. */
  static List<String> literals(String source) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = source.length();
    while (i < n) {
      if (source.startsWith("//", i)) {
        i = endOf(source, "\n", i + 2);
      } else if (source.startsWith("/*", i)) {
        i = endOf(source, "*/", i + 2);
      } else if (source.startsWith("\"\"\"", i)) {
        int end = closing(source, "\"\"\"", i + 3);
        out.add(source.substring(i + 3, Math.max(i + 3, end - 3)));
        i = end;
      } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
        String quote = String.valueOf(source.charAt(i));
        int end = closing(source, quote, i + 1);
        if (quote.equals("\"")) {
          out.add(source.substring(i + 1, Math.max(i + 1, end - 1)));
        }
        i = end;
      } else {
        i++;
      }
    }
    return out;
  }

  /** Just past the first {@code end} at or after {@code from}, or the end of the text. */
  private static int endOf(String source, String end, int from) {
    int at = source.indexOf(end, from);
    return at < 0 ? source.length() : at + end.length();
  }

  /** Just past the closing {@code quote} at or after {@code from}, stepping over backslash escapes. */
  private static int closing(String source, String quote, int from) {
    int i = from;
    while (i < source.length()) {
      if (source.charAt(i) == '\\') {
        i += 2;
      } else if (source.startsWith(quote, i)) {
        return i + quote.length();
      } else {
        i++;
      }
    }
    return source.length();
  }
}
