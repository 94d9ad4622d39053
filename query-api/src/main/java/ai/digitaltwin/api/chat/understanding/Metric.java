package ai.digitaltwin.api.chat.understanding;

import java.util.List;

/**
 * A vital the chat can talk about, as declared in {@code chat/metrics.tsv}.
 *
 * @param columns health_events columns; two for blood pressure (systolic, diastolic)
 * @param aggregate "avg" or "sum": how readings over a period combine
 * @param normalLow lower end of the normal band of the first column, or null
 * @param normalHigh upper end of the normal band of the first column, or null
 * @param vital whether it is a vital sign (as opposed to stress, energy or steps)
 */
public record Metric(
    String key,
    List<String> columns,
    String unit,
    String label,
    String aggregate,
    Double normalLow,
    Double normalHigh,
    List<String> synonyms,
    boolean vital) {
  public Metric {
    columns = List.copyOf(columns);
    synonyms = List.copyOf(synonyms);
    if (!aggregate.equals("avg") && !aggregate.equals("sum")) {
      throw new IllegalArgumentException("Aggregate must be avg or sum: " + aggregate);
    }
  }

  public boolean summed() {
    return aggregate.equals("sum");
  }

  /** Whether a value of the first column lies outside the normal band. */
  public boolean outOfBand(double value) {
    return (normalLow != null && value < normalLow) || (normalHigh != null && value > normalHigh);
  }

  /** "72 bpm", "120/80 mmHg", "0.4" for unit-less scores. */
  public String withUnit(String value) {
    if (unit.isEmpty()) {
      return value;
    }
    return unit.equals("%") || unit.equals("°C") ? value + unit : value + " " + unit;
  }
}
