package ai.digitaltwin.generator.vitals;

import ai.digitaltwin.schemas.HealthEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * One health reading of a twin: the physiology fills its vitals, anomalies then change them, and the
 * simulation stamps it (event id, twin, time, rounding, behaviour) before it is emitted. Mutable on purpose:
 * each twin fills the same one every tick on the hot path, so whoever keeps a reading past the tick keeps a
 * {@link #copy()}. Vitals are unboxed, {@code NaN} where the sensor gave no value (null in the event), and
 * the event id is kept as its two 64-bit halves, so a reading costs no event object until it is emitted
 * ({@link #toEvent()}).
 */
public final class Reading {
  /** The source field of every generated health event. */
  public static final String SOURCE = "generator";

  public long idHigh;
  public long idLow;
  public String twinId;
  public long tsMillis;
  public double heartRate;
  public double systolic;
  public double diastolic;
  public double spo2;
  public double bodyTempC;
  public double respRate;
  public double hrvMs;
  public int steps;
  public double stress;
  public double energy;
  public String activity;

  /** The whole reading, to keep past this tick. */
  public Reading copy() {
    Reading c = new Reading();
    c.idHigh = idHigh;
    c.idLow = idLow;
    c.twinId = twinId;
    c.tsMillis = tsMillis;
    c.setVitals(this);
    c.steps = steps;
    c.stress = stress;
    c.energy = energy;
    c.activity = activity;
    return c;
  }

  /** Takes the vitals of another reading (a stuck sensor repeating one); steps come from another sensor. */
  public void setVitals(Reading o) {
    heartRate = o.heartRate;
    systolic = o.systolic;
    diastolic = o.diastolic;
    spo2 = o.spo2;
    bodyTempC = o.bodyTempC;
    respRate = o.respRate;
    hrvMs = o.hrvMs;
  }

  /** The sensor reported nothing: every vital becomes missing (steps are counted by another sensor). */
  public void drop() {
    heartRate = systolic = diastolic = spo2 = bodyTempC = respRate = hrvMs = Double.NaN;
  }

  public String eventId() {
    return new UUID(idHigh, idLow).toString();
  }

  /**
   * The wire object, field by field: a field the schema gains later and the generator does not know
   * stays null rather than breaking this.
   */
  public HealthEvent toEvent() {
    HealthEvent e = new HealthEvent();
    e.setEventId(eventId());
    e.setTwinId(twinId);
    e.setTs(Instant.ofEpochMilli(tsMillis));
    e.setHeartRate(boxed(heartRate));
    e.setSystolicBp(boxed(systolic));
    e.setDiastolicBp(boxed(diastolic));
    e.setSpo2(boxed(spo2));
    e.setBodyTempC(boxed(bodyTempC));
    e.setRespRate(boxed(respRate));
    e.setHrvMs(boxed(hrvMs));
    e.setSteps(steps);
    e.setStress(stress);
    e.setEnergy(energy);
    e.setActivity(activity);
    e.setSource(SOURCE);
    return e;
  }

  private static Double boxed(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
