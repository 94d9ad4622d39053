package ai.digitaltwin.bench.realism;

import java.time.LocalDate;

/**
 * One person's local day, minute by minute, the shape both the real recordings and the generator's
 * readings are brought to before any statistic is taken.
 *
 * @param hr mean heart rate in each local minute, NaN where the device gave none
 * @param steps steps counted in each local minute, -1 where unknown
 */
public record PersonDay(String person, LocalDate date, float[] hr, int[] steps) {
  public static final int MINUTES = 1440;

  public static PersonDay empty(String person, LocalDate date) {
    float[] hr = new float[MINUTES];
    int[] steps = new int[MINUTES];
    java.util.Arrays.fill(hr, Float.NaN);
    java.util.Arrays.fill(steps, -1);
    return new PersonDay(person, date, hr, steps);
  }

  public boolean hasHeartRate() {
    for (float v : hr) {
      if (!Float.isNaN(v)) {
        return true;
      }
    }
    return false;
  }
}
