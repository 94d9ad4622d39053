package ai.digitaltwin.generator.behavior;

import ai.digitaltwin.generator.common.Tsv;
import java.util.Locale;

/**
 * The base share of each waking activity by hour of the local day, weekday or weekend, from
 * {@code activity-mix.tsv}, and how traits, energy and stress reshape it ({@code personality-effects.tsv}).
 */
public final class ActivityMix {
  private static final int HOURS = 24;
  /** [weekend?1:0][hour][activity] */
  private static final double[][][] BASE = loadBase();
  /** [activity][O, C, E, A, N, energy, stress] */
  private static final double[][] EFFECTS = loadEffects();

  private ActivityMix() {}

  public static double base(boolean weekend, int hour, Activity a) {
    return BASE[weekend ? 1 : 0][hour][a.ordinal()];
  }

  /** The log-multiplier the person's traits put on each activity: computed once per person. */
  public static double[] traitTilt(double[] traits) {
    double[] tilt = new double[Activity.values().length];
    for (int a = 0; a < tilt.length; a++) {
      for (int t = 0; t < 5; t++) {
        tilt[a] += EFFECTS[a][t] * (traits[t] - 0.5);
      }
    }
    return tilt;
  }

  /** Weight of an activity now: base share, times the person's tilt, times the moment's energy and stress. */
  public static double weight(boolean weekend, int hour, Activity a, double[] tilt, double energy, double stress) {
    double base = base(weekend, hour, a);
    if (base == 0) {
      return 0;
    }
    double[] e = EFFECTS[a.ordinal()];
    return base * Math.exp(tilt[a.ordinal()] + e[5] * (energy - 0.5) + e[6] * (stress - 0.5));
  }

  private static double[][][] loadBase() {
    double[][][] base = new double[2][HOURS][Activity.values().length];
    Activity[] columns = {Activity.ROUTINE, Activity.WORK, Activity.COMMUTE, Activity.EXERCISE,
        Activity.SOCIAL, Activity.LEISURE, Activity.LEARNING, Activity.CREATIVE};
    for (String[] r : Tsv.rows("activity-mix.tsv")) {
      int day = r[0].equals("weekend") ? 1 : 0;
      for (int h = Integer.parseInt(r[1]); h < Integer.parseInt(r[2]); h++) {
        for (int c = 0; c < columns.length; c++) {
          base[day][h][columns[c].ordinal()] = Tsv.num(r, 3 + c);
        }
      }
    }
    return base;
  }

  private static double[][] loadEffects() {
    double[][] effects = new double[Activity.values().length][7];
    for (String[] r : Tsv.rows("personality-effects.tsv")) {
      double[] row = effects[Activity.valueOf(r[0].toUpperCase(Locale.ROOT)).ordinal()];
      for (int i = 0; i < 7; i++) {
        row[i] = Tsv.num(r, 1 + i);
      }
    }
    return effects;
  }
}
