package ai.digitaltwin.importer;

import java.util.Map;
import java.util.TreeMap;

/** Counts of what an import left out, by reason (sorted, so the summary reads the same every run). */
public final class Skips {
  private final Map<String, Long> counts = new TreeMap<>();

  public void add(String reason) {
    add(reason, 1);
  }

  public void add(String reason, long n) {
    if (n > 0) {
      counts.merge(reason, n, Long::sum);
    }
  }

  public long get(String reason) {
    return counts.getOrDefault(reason, 0L);
  }

  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  public Map<String, Long> asMap() {
    return new TreeMap<>(counts);
  }
}
