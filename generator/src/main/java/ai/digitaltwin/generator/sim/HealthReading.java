package ai.digitaltwin.generator.sim;

import ai.digitaltwin.schemas.HealthEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A health event before it becomes the wire object: vitals unboxed, {@code NaN} where the event has null,
 * and the event id as its two 64-bit halves, so a reading held back by a sensor fault costs no event
 * object until it is emitted ({@link #toEvent()}).
 */
public record HealthReading(long idHigh, long idLow, String twinId, long tsMillis, double heartRate,
    double systolicBp, double diastolicBp, double spo2, double bodyTempC, double respRate, double hrvMs, int steps,
    double stress, double energy, String activity) {
  /** The source field of every generated health event. */
  public static final String SOURCE = "generator";

  public String eventId() {
    return new UUID(idHigh, idLow).toString();
  }

  public HealthEvent toEvent() {
    return new HealthEvent(eventId(), twinId, Instant.ofEpochMilli(tsMillis), boxed(heartRate), boxed(systolicBp),
        boxed(diastolicBp), boxed(spo2), boxed(bodyTempC), boxed(respRate), boxed(hrvMs), steps, stress, energy,
        activity, SOURCE);
  }

  private static Double boxed(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
