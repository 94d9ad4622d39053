package ai.digitaltwin.jobs.anomaly;

import ai.digitaltwin.jobs.twin.Ewma;
import java.util.List;

/**
 * Clinical bands (NEWS2) made personal: a vital alerts when it is in an abnormal NEWS2 band and also far
 * from this person's own baseline for the current activity. Until a baseline has {@link #TRUSTED}
 * readings, only the extreme bands count. A high heart rate still falling after effort is recovery, not
 * tachycardia ({@link Recovery}). Readings that alert are kept out of the baselines, so an
 * episode does not teach the detector that it is normal.
 */
final class ClinicalChecks {
  /** ≈ 1.4 days of one-minute readings in one activity. */
  static final double ALPHA = 1.0 / 2000;
  static final long TRUSTED = 240;
  static final double FEBRILE_BPM_PER_C = 10;
  /** The lowest temperature the fever check considers (with a personal rise); below it no rate is febrile. */
  static final double FEVERISH_C = 37.5;

  private ClinicalChecks() {}

  /** {@code hr}: the heart-rate baseline of the reading's activity. */
  static void check(DetectorState s, Vitals v, long ts, List<Alert> alerts, Ewma hr) {
    News2 news = v.news2();
    Ewma sys = s.systolic(v.activity());
    boolean hrAlert = false;
    boolean sysAlert = false;
    boolean tempAlert = false;
    // fever speeds the heart by about 10 bpm per degree (Liebermeister's rule): that part is the fever's,
    // and a febrile reading teaches the heart-rate baseline nothing about the person's normal rate
    boolean feverish = v.temp() != null && v.temp() >= FEVERISH_C && s.temp.count >= TRUSTED;
    double febrile = feverish ? FEBRILE_BPM_PER_C * Math.max(0, v.temp() - s.temp.mean) : 0;
    if (v.heartRate() != null) {
      double bpm = v.heartRate();
      double own = bpm - febrile;
      boolean trusted = hr.count >= TRUSTED;
      // before the baseline is trusted, exercise may reach any rate short of a maximal one
      double untrusted = "exercise".equals(v.activity()) ? 190 : 131;
      boolean high = trusted ? own >= hr.mean + Math.max(4 * hr.sd(), 25) : own >= untrusted;
      if (bpm >= 111 && high && own > Recovery.explained(s, hr.mean, ts)) {
        alerts.add(alert(AnomalyType.TACHYCARDIA, ts, news, news.risk(), v, hr));
        hrAlert = true;
      } else if (bpm <= 50 && (trusted ? bpm <= hr.mean - Math.max(4 * hr.sd(), 12) : bpm <= 40)) {
        alerts.add(alert(AnomalyType.BRADYCARDIA, ts, news, news.risk(), v, hr));
        hrAlert = true;
      }
    }
    if (v.spo2() != null && v.spo2() <= 91) {
      alerts.add(alert(AnomalyType.SPO2_DIP, ts, news, news.risk(), v, null));
    }
    if (v.systolic() != null) {
      double mmHg = v.systolic();
      boolean trusted = sys.count >= TRUSTED;
      if (mmHg >= 160 && (trusted ? mmHg >= sys.mean + Math.max(4 * sys.sd(), 25) : mmHg >= 180)) {
        alerts.add(alert(AnomalyType.HYPERTENSIVE, ts, news, mmHg >= 180 ? "high" : "medium", v, sys));
        sysAlert = true;
      }
    }
    if (v.temp() != null) {
      double c = v.temp();
      boolean trusted = s.temp.count >= TRUSTED;
      if (c >= 38.1 || (trusted && c >= FEVERISH_C && c >= s.temp.mean + Math.max(4 * s.temp.sd(), 0.9))) {
        alerts.add(alert(AnomalyType.FEVER, ts, news, c >= 39.1 ? "high" : "medium", v, s.temp));
        tempAlert = true;
      }
    }
    if (v.heartRate() != null && !hrAlert) {
      Recovery.accept(s, v.heartRate() - febrile, hr.mean, ts);
      if (!feverish && !RestingHr.suspicious(s)) {
        hr.add(v.heartRate(), ALPHA);
      }
    }
    if (v.systolic() != null && !sysAlert) {
      sys.add(v.systolic(), ALPHA);
    }
    if (v.temp() != null && !tempAlert) {
      s.temp.add(v.temp(), ALPHA);
    }
  }

  private static Alert alert(AnomalyType type, long ts, News2 news, String severity, Vitals v, Ewma baseline) {
    Evidence evidence = v.evidence().raw("news2", news.json());
    if (baseline != null && !baseline.isEmpty()) {
      evidence.put("baseline_mean", baseline.mean).put("baseline_sd", baseline.sd());
    }
    return Alert.of(type, ts, news.total(), severity, evidence.toString());
  }
}
