package ai.digitaltwin.jobs.anomaly;

import ai.digitaltwin.schemas.AnomalyType;
import ai.digitaltwin.schemas.HealthEvent;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Faults of the sensor rather than the person: drop-outs (readings without values, or no readings at
 * all for a long gap), values no body can have, and a flat line (the same values repeated, which real
 * physiology never does to the decimal across every vital).
 */
final class SensorChecks {
  static final long GAP_MILLIS = Duration.ofMinutes(30).toMillis();
  /** Repeats after the first reading before a flat line is called: 2 means three identical readings. */
  static final int FLAT_REPEATS = 2;

  /**
   * How long a wearable's lone heart rate must repeat before it is a flat line: its whole-bpm samples
   * every few seconds repeat by themselves (a resting heart drifts by less than 1 bpm over a minute), so
   * only a value stuck far longer than that says the sensor stopped measuring.
   */
  static final long FLAT_WORN_MILLIS = Duration.ofMinutes(30).toMillis();

  private SensorChecks() {}

  /** Adds sensor alerts; returns true when the reading's values must not be trusted further. */
  static boolean check(DetectorState s, HealthEvent v, long ts, List<Alert> alerts) {
    boolean inOrder = ts > s.lastTs;
    // a wearable is taken off to charge, to shower, for the night: a gap in its record is not a fault
    if (inOrder && Readings.labelled(v) && s.lastTs != Long.MIN_VALUE && ts - s.lastTs > GAP_MILLIS) {
      String evidence = new Evidence().put("gap_minutes", (ts - s.lastTs) / 60_000).toString();
      alerts.add(new Alert(AnomalyType.SENSOR_DROPOUT, ts, s.lastTs, (ts - s.lastTs) / 60_000.0, "low", evidence, true));
    }
    if (Readings.allMissing(v) && !Readings.labelled(v)) {
      return true; // a wearable's steps-only record: no vital was expected in it
    }
    if (Readings.allMissing(v)) {
      alerts.add(Alert.of(AnomalyType.SENSOR_DROPOUT, ts, 1, "low", new Evidence().put("missing", "all vitals").toString()));
      s.flatRun = 0;
      return true;
    }
    String impossible = impossible(v);
    if (impossible != null) {
      alerts.add(Alert.of(AnomalyType.SENSOR_SPIKE, ts, 1, "low", Readings.evidence(v).put("impossible", impossible).toString()));
      return true;
    }
    if (inOrder && sameAsLast(s, v)) {
      if (s.flatRun == 0) {
        s.flatSince = s.lastTs;
      }
      s.flatRun++;
    } else if (inOrder) {
      s.flatRun = 0;
    }
    if (s.flatRun >= FLAT_REPEATS && (Readings.labelled(v) || ts - s.flatSince >= FLAT_WORN_MILLIS)) {
      String evidence = Readings.evidence(v).put("repeats", s.flatRun).toString();
      alerts.add(new Alert(AnomalyType.SENSOR_FLATLINE, ts, s.flatSince, s.flatRun, "low", evidence, false));
      return true;
    }
    return false;
  }

  /** The first vital outside what a living body can show, or null. */
  static String impossible(HealthEvent v) {
    if (v.getHeartRate() != null && (v.getHeartRate() < 20 || v.getHeartRate() > 230)) {
      return "heart_rate";
    }
    if (v.getSpo2() != null && (v.getSpo2() < 50 || v.getSpo2() > 100.5)) {
      return "spo2";
    }
    if (v.getBodyTempC() != null && (v.getBodyTempC() < 30 || v.getBodyTempC() > 43)) {
      return "body_temp_c";
    }
    if (v.getSystolicBp() != null && (v.getSystolicBp() < 40 || v.getSystolicBp() > 280)) {
      return "systolic_bp";
    }
    return null;
  }

  private static boolean sameAsLast(DetectorState s, HealthEvent v) {
    return v.getHeartRate() != null
        && Objects.equals(v.getHeartRate(), s.lastHeartRate)
        && Objects.equals(v.getSpo2(), s.lastSpo2)
        && Objects.equals(v.getSystolicBp(), s.lastSystolic)
        && Objects.equals(v.getBodyTempC(), s.lastTemp)
        && Objects.equals(v.getDiastolicBp(), s.lastDiastolic)
        && Objects.equals(v.getRespRate(), s.lastResp)
        && Objects.equals(v.getHrvMs(), s.lastHrv);
  }
}
