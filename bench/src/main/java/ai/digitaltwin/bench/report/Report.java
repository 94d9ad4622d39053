package ai.digitaltwin.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A whole run: the machine, its load before and after, and every figure; as a table and as JSON. */
public record Report(String command, Machine machine, Instant started, Instant finished, double loadAfter,
    List<Figure> figures) {
  public Report {
    figures = List.copyOf(figures);
  }

  public String table() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"figure", "value (median, min-max, runs)", "reference (same run)", "ratio", "goal", "met"});
    for (Figure f : figures) {
      if (!f.available()) {
        rows.add(new String[] {f.name(), "not available: " + f.unavailable(), "", "", goals(f), "-"});
        continue;
      }
      Double ratio = f.ratio();
      rows.add(new String[] {f.name(), Format.measure(f.value()),
          f.reference() == null ? "" : f.reference().label() + ": " + Format.measure(f.reference()),
          ratio == null ? "" : Format.number(ratio), goals(f), f.goals().isEmpty() ? "" : (f.met() ? "yes" : "NO")});
    }
    int[] width = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("Machine: ").append(machine.describe()).append('\n');
    out.append(String.format(Locale.ROOT, "Load average (1 min): %.2f at start, %.2f at end%n", machine.loadAverage(), loadAfter));
    out.append("Command: ").append(command).append('\n').append('\n');
    for (int r = 0; r < rows.size(); r++) {
      StringBuilder line = new StringBuilder("| ");
      for (int i = 0; i < width.length; i++) {
        line.append(String.format(Locale.ROOT, "%-" + width[i] + "s", rows.get(r)[i])).append(" | ");
      }
      out.append(line.toString().stripTrailing()).append('\n');
      if (r == 0) {
        StringBuilder rule = new StringBuilder("|");
        for (int w : width) {
          rule.append("-".repeat(w + 2)).append('|');
        }
        out.append(rule).append('\n');
      }
    }
    out.append('\n');
    for (Figure f : figures) {
      if (f.available() && f.note() != null) {
        out.append("- ").append(f.name()).append(": ").append(f.note()).append('\n');
      }
    }
    return out.toString();
  }

  public Map<String, Object> asMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("command", command);
    out.put("started", started.toString());
    out.put("finished", finished.toString());
    out.put("machine", machine);
    out.put("load_average_end", loadAfter);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Figure f : figures) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", f.name());
      row.put("available", f.available());
      if (!f.available()) {
        row.put("unavailable", f.unavailable());
      } else {
        row.put("value", measure(f.value()));
        row.put("reference", f.reference() == null ? null : measure(f.reference()));
        row.put("ratio", f.ratio());
        row.put("note", f.note());
      }
      row.put("goals", f.goals().stream().map(g -> g.describe(f.available() ? f.value().unit() : "")).toList());
      row.put("met", f.met());
      rows.add(row);
    }
    out.put("figures", rows);
    return out;
  }

  /** Writes {@code bench-<started>.json} and {@code latest.json} into {@code dir}; returns the first. */
  public Path writeJson(Path dir) throws IOException {
    Files.createDirectories(dir);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    String json = mapper.writeValueAsString(asMap());
    Path file = dir.resolve("bench-" + started.toString().replace(":", "").replaceAll("\\.\\d+", "") + ".json");
    Files.writeString(file, json);
    Files.writeString(dir.resolve("latest.json"), json);
    return file;
  }

  private static Map<String, Object> measure(Measure m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("label", m.label());
    out.put("unit", m.unit());
    out.put("median", m.median());
    out.put("min", m.samples().min());
    out.put("max", m.samples().max());
    out.put("samples", m.samples().values());
    return out;
  }

  private static String goals(Figure f) {
    String unit = f.available() ? f.value().unit() : "";
    return String.join(", ", f.goals().stream().map(g -> g.describe(unit)).toList());
  }
}
