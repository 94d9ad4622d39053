package ai.digitaltwin.api.twin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The original system's status rules, applied to a real reading: stress above 0.8 is high stress, energy
 * below 0.3 is low energy, heart rate above 100 bpm is elevated.
 */
public final class HealthStatus {
  private HealthStatus() {}

  public static List<String> of(Map<String, Object> reading) {
    List<String> flags = new ArrayList<>();
    if (number(reading.get("stress")) > 0.8) {
      flags.add("high_stress");
    }
    if (reading.get("energy") != null && number(reading.get("energy")) < 0.3) {
      flags.add("low_energy");
    }
    if (number(reading.get("heart_rate")) > 100) {
      flags.add("elevated_hr");
    }
    if (flags.isEmpty()) {
      flags.add("normal");
    }
    return flags;
  }

  private static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
