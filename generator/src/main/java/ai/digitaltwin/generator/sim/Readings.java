package ai.digitaltwin.generator.sim;

import ai.digitaltwin.generator.behavior.Behavior;
import ai.digitaltwin.generator.vitals.Reading;
import ai.digitaltwin.schemas.HealthEvent;
import java.time.Instant;

/** Turns a reading into the wire event, rounded the way a device reports it; a NaN vital becomes null. */
final class Readings {
  private Readings() {}

  static HealthEvent toEvent(String eventId, String twinId, Instant ts, Reading x, Behavior b) {
    return new HealthEvent(eventId, twinId, ts,
        value(x.heartRate, 1), value(x.systolic, 0), value(x.diastolic, 0), value(Math.min(100, x.spo2), 1),
        value(x.bodyTempC, 2), value(x.respRate, 1), value(x.hrvMs, 1), x.steps,
        TwinSim.round(b.stress(), 3), TwinSim.round(b.energy(), 3), b.activity().wire(), "generator");
  }

  private static Double value(double v, int decimals) {
    if (Double.isNaN(v)) {
      return null;
    }
    return decimals == 0 ? (double) Math.round(v) : TwinSim.round(v, decimals);
  }
}
