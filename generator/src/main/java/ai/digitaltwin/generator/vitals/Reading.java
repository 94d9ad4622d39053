package ai.digitaltwin.generator.vitals;

/**
 * One reading while it is being made: the physiology fills it, anomalies then change it. Mutable on
 * purpose (one per twin per tick on the hot path); {@code NaN} means the sensor gave no value.
 */
public final class Reading {
  public double heartRate;
  public double systolic;
  public double diastolic;
  public double spo2;
  public double bodyTempC;
  public double respRate;
  public double hrvMs;
  public int steps;

  public Reading copy() {
    Reading c = new Reading();
    c.set(this);
    return c;
  }

  public void set(Reading o) {
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
}
