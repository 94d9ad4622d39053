package ai.digitaltwin.generator.vitals;

import ai.digitaltwin.generator.common.Tsv;
import java.util.HashMap;
import java.util.Map;

/** The constants of the vitals model, read once from {@code physiology.tsv} (each with its source). */
public final class Physiology {
  private static final Map<String, Double> VALUES = load();

  public static final double CIRCADIAN_HR_AMPLITUDE = value("circadian_hr_amplitude");
  public static final double SLEEP_HR_DIP = value("sleep_hr_dip");
  public static final double HR_RISE_TAU = value("hr_rise_tau");
  public static final double HR_FALL_TAU = value("hr_fall_tau");
  public static final double RECOVERY_TAU = value("recovery_tau");
  public static final double HR_PER_STEP_RATE = value("hr_per_step_rate");
  public static final double DRIFT_TAU_MIN = value("drift_tau") * 1440;
  public static final double DRIFT_SD = value("drift_sd");
  public static final double NIGHT_HR_SD = value("night_hr_sd");
  public static final double NIGHT_HR_TAU_MIN = value("night_hr_tau") * 60;
  public static final double SENSOR_HR_NOISE = value("sensor_hr_noise");
  public static final double STEPS_BOUT_FRACTION = value("steps_bout_fraction");
  public static final double STEPS_BOUT_PERSISTENCE = value("steps_bout_persistence");

  private Physiology() {}

  public static double value(String name) {
    Double v = VALUES.get(name);
    if (v == null) {
      throw new IllegalStateException("physiology.tsv has no row for " + name);
    }
    return v;
  }

  private static Map<String, Double> load() {
    Map<String, Double> values = new HashMap<>();
    for (String[] r : Tsv.rows("physiology.tsv")) {
      values.put(r[0], Tsv.num(r, 1));
    }
    return values;
  }
}
