package ai.digitaltwin.generator.sim;

import ai.digitaltwin.generator.behavior.Behavior;
import ai.digitaltwin.generator.vitals.Reading;

/** Makes a reading a health event's: stamped, rounded the way a device reports it; a NaN vital stays NaN (null). */
final class Readings {
  private Readings() {}

  static void stamp(Reading x, long idHigh, long idLow, String twinId, long tsMillis, Behavior b) {
    x.idHigh = idHigh;
    x.idLow = idLow;
    x.twinId = twinId;
    x.tsMillis = tsMillis;
    x.heartRate = value(x.heartRate, 1);
    x.systolic = value(x.systolic, 0);
    x.diastolic = value(x.diastolic, 0);
    x.spo2 = value(Math.min(100, x.spo2), 1);
    x.bodyTempC = value(x.bodyTempC, 2);
    x.respRate = value(x.respRate, 1);
    x.hrvMs = value(x.hrvMs, 1);
    x.stress = TwinSim.round(b.stress(), 3);
    x.energy = TwinSim.round(b.energy(), 3);
    x.activity = b.activity().wire();
  }

  private static double value(double v, int decimals) {
    if (Double.isNaN(v)) {
      return Double.NaN;
    }
    return decimals == 0 ? (double) Math.round(v) : TwinSim.round(v, decimals);
  }
}
