package ai.digitaltwin.generator.sim;

import ai.digitaltwin.generator.behavior.Behavior;
import ai.digitaltwin.generator.vitals.Reading;

/** Turns a reading into a health event, rounded the way a device reports it; a NaN vital stays NaN (null). */
final class Readings {
  private Readings() {}

  static HealthReading toHealth(long idHigh, long idLow, String twinId, long tsMillis, Reading x, Behavior b) {
    return new HealthReading(idHigh, idLow, twinId, tsMillis,
        value(x.heartRate, 1), value(x.systolic, 0), value(x.diastolic, 0), value(Math.min(100, x.spo2), 1),
        value(x.bodyTempC, 2), value(x.respRate, 1), value(x.hrvMs, 1), x.steps,
        TwinSim.round(b.stress(), 3), TwinSim.round(b.energy(), 3), b.activity().wire());
  }

  private static double value(double v, int decimals) {
    if (Double.isNaN(v)) {
      return Double.NaN;
    }
    return decimals == 0 ? (double) Math.round(v) : TwinSim.round(v, decimals);
  }
}
