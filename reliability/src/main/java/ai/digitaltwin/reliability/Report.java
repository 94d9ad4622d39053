package ai.digitaltwin.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The suite's results as a text table for people and as JSON for tools. */
public final class Report {
  private static final int[] WIDTHS = {22, 44, 40, 60, 6};

  private Report() {}

  /** A table with wrapped cells: scenario, done, expected, observed, result. */
  public static String table(List<Outcome> outcomes) {
    StringBuilder out = new StringBuilder();
    String rule = rule();
    out.append(rule);
    row(out, List.of("scenario", "what was done", "expected", "observed", "result"));
    out.append(rule);
    for (Outcome o : outcomes) {
      row(out, List.of(o.scenario(), o.done(), o.expected(), o.observed(), o.passed() ? "pass" : "FAIL"));
      out.append(rule);
    }
    long failed = outcomes.stream().filter(o -> !o.passed()).count();
    out.append(String.format("%d passed, %d failed%n", outcomes.size() - failed, failed));
    return out.toString();
  }

  public static Path writeJson(List<Outcome> outcomes, SuiteConfig config, Path dir) throws IOException {
    Files.createDirectories(dir);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("scale", config.scale().name());
    doc.put("seed", config.seed());
    doc.put("finished_at", Instant.now().toString());
    doc.put("passed", outcomes.stream().allMatch(Outcome::passed));
    doc.put("scenarios", outcomes);
    Path file = dir.resolve("reliability-" + config.scale().name() + ".json");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), doc);
    return file;
  }

  private static String rule() {
    StringBuilder b = new StringBuilder("+");
    for (int w : WIDTHS) {
      b.append("-".repeat(w + 2)).append('+');
    }
    return b.append('\n').toString();
  }

  private static void row(StringBuilder out, List<String> cells) {
    List<List<String>> wrapped = new ArrayList<>();
    int lines = 1;
    for (int i = 0; i < cells.size(); i++) {
      List<String> w = wrap(cells.get(i), WIDTHS[i]);
      wrapped.add(w);
      lines = Math.max(lines, w.size());
    }
    for (int line = 0; line < lines; line++) {
      out.append('|');
      for (int i = 0; i < cells.size(); i++) {
        String text = line < wrapped.get(i).size() ? wrapped.get(i).get(line) : "";
        out.append(' ').append(text).append(" ".repeat(WIDTHS[i] - text.length())).append(" |");
      }
      out.append('\n');
    }
  }

  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n")) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.split(" ")) {
        while (word.length() > width) {
          if (line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
          }
          lines.add(word.substring(0, width));
          word = word.substring(width);
        }
        if (line.length() + word.length() + (line.length() > 0 ? 1 : 0) > width) {
          lines.add(line.toString());
          line.setLength(0);
        }
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(word);
      }
      lines.add(line.toString());
    }
    return lines;
  }
}
