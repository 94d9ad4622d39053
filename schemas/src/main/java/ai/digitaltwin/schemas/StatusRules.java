package ai.digitaltwin.schemas;

import java.util.ArrayList;
import java.util.List;

/**
 * The status rules a {@link TwinState}'s {@code status} is made by, declared once for the stream job
 * that writes it and the API that applies them to a reading: heart rate above 100 bpm is elevated,
 * stress above 0.8 is high stress, energy below 0.3 is low energy. Most urgent first, so the first flag
 * is the status; a missing value breaks no rule.
 */
public final class StatusRules {
  public static final String NORMAL = "normal";
  public static final String ELEVATED_HR = "elevated_hr";
  public static final String HIGH_STRESS = "high_stress";
  public static final String LOW_ENERGY = "low_energy";

  private StatusRules() {}

  /** Every rule the values break, most urgent first; {@code [normal]} when none. */
  public static List<String> flags(Double heartRate, Double stress, Double energy) {
    List<String> flags = new ArrayList<>(3);
    if (heartRate != null && heartRate > 100) {
      flags.add(ELEVATED_HR);
    }
    if (stress != null && stress > 0.8) {
      flags.add(HIGH_STRESS);
    }
    if (energy != null && energy < 0.3) {
      flags.add(LOW_ENERGY);
    }
    if (flags.isEmpty()) {
      flags.add(NORMAL);
    }
    return flags;
  }

  /** The most urgent rule broken, or {@code normal}. */
  public static String status(Double heartRate, Double stress, Double energy) {
    return flags(heartRate, stress, energy).get(0);
  }
}
