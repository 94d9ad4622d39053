package ai.digitaltwin.jobs.anomaly;

import ai.digitaltwin.jobs.twin.Ewma;
import ai.digitaltwin.schemas.AnomalyType;
import ai.digitaltwin.schemas.HealthEvent;
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
  static void check(DetectorState s, HealthEvent v, long ts, List<Alert> alerts, Ewma hr) {
    News2 news = Readings.news2(v);
    Ewma sys = s.systolic(v.getActivity());
    boolean hrAlert = false;
    boolean sysAlert = false;
    boolean tempAlert = false;
    // fever speeds the heart by about 10 bpm per degree (Liebermeister's rule): that part is the fever's,
    // and a febrile reading teaches the heart-rate baseline nothing about the person's normal rate
    boolean feverish = v.getBodyTempC() != null && v.getBodyTempC() >= FEVERISH_C && s.temp.count >= TRUSTED;
    double febrile = feverish ? FEBRILE_BPM_PER_C * Math.max(0, v.getBodyTempC() - s.temp.mean) : 0;
    // a wearable's heart rate without an activity is judged on still nights only (restingNight)
    if (v.getHeartRate() != null && Readings.labelled(v)) {
      double bpm = v.getHeartRate();
      double own = bpm - febrile;
      boolean trusted = hr.count >= TRUSTED;
      // before the baseline is trusted, exercise may reach any rate short of a maximal one
      double untrusted = "exercise".equals(v.getActivity()) ? 190 : 131;
      boolean high = trusted ? own >= hr.mean + Math.max(4 * hr.sd(), 25) : own >= untrusted;
      if (bpm >= 111 && high && own > Recovery.explained(s, hr.mean, ts)) {
        alerts.add(alert(AnomalyType.TACHYCARDIA, ts, news, news.risk(), v, hr));
        hrAlert = true;
      } else if (bpm <= 50 && (trusted ? bpm <= hr.mean - Math.max(4 * hr.sd(), 12) : bpm <= 40)) {
        alerts.add(alert(AnomalyType.BRADYCARDIA, ts, news, news.risk(), v, hr));
        hrAlert = true;
      }
    }
    if (v.getSpo2() != null && v.getSpo2() <= 91) {
      alerts.add(alert(AnomalyType.SPO2_DIP, ts, news, news.risk(), v, null));
    }
    if (v.getSystolicBp() != null) {
      double mmHg = v.getSystolicBp();
      boolean trusted = sys.count >= TRUSTED;
      if (mmHg >= 160 && (trusted ? mmHg >= sys.mean + Math.max(4 * sys.sd(), 25) : mmHg >= 180)) {
        alerts.add(alert(AnomalyType.HYPERTENSIVE, ts, news, mmHg >= 180 ? "high" : "medium", v, sys));
        sysAlert = true;
      }
    }
    if (v.getBodyTempC() != null) {
      double c = v.getBodyTempC();
      boolean trusted = s.temp.count >= TRUSTED;
      if (c >= 38.1 || (trusted && c >= FEVERISH_C && c >= s.temp.mean + Math.max(4 * s.temp.sd(), 0.9))) {
        alerts.add(alert(AnomalyType.FEVER, ts, news, c >= 39.1 ? "high" : "medium", v, s.temp));
        tempAlert = true;
      }
    }
    if (v.getHeartRate() != null && Readings.labelled(v) && !hrAlert) {
      Recovery.accept(s, v.getHeartRate() - febrile, hr.mean, ts);
      if (!feverish && !RestingHr.suspicious(s)) {
        hr.add(v.getHeartRate(), ALPHA);
      }
    }
    if (v.getSystolicBp() != null && !sysAlert) {
      sys.add(v.getSystolicBp(), ALPHA);
    }
    if (v.getBodyTempC() != null && !tempAlert) {
      s.temp.add(v.getBodyTempC(), ALPHA);
    }
  }

  /**
   * A wearable's resting minute at night ({@link Rest}) an hour or more after its last step (heart rate
   * stays raised for an hour after effort, {@link RestingHr#AFTER_EFFORT}): without an activity, only a
   * still night rules out effort (a ride or a weights session takes no steps), so this is where a
   * wearable's heart rate is held to the clinical bands. Tachycardia from 111 bpm (NEWS2's band 2; a sleeping heart that fast is
   * not the person's normal), and at least 25 bpm over their nights; bradycardia at 40 bpm or less
   * (NEWS2's band 3), and only 12 bpm or more under a known baseline, since trained people sleep in the
   * low forties.
   */
  static void restingNight(DetectorState s, double bpm, long ts, List<Alert> alerts) {
    RestingNights.Baseline b = s.nights.baseline(Rest.day(Rest.minute(ts), s.zoneId()));
    News2 news = News2.of(bpm, null, null, null, null);
    Evidence evidence = new Evidence().put("night_minute_hr", bpm).raw("news2", news.json());
    if (b != null) {
      evidence.put("nights_median", b.mean()).put("nights_sd", b.sd());
    }
    if (bpm >= 111 && (b == null || bpm >= b.mean() + 25)) {
      alerts.add(Alert.of(AnomalyType.TACHYCARDIA, ts, news.total(), news.risk(), evidence.toString()));
    } else if (bpm <= 40 && b != null && bpm <= b.mean() - 12) {
      alerts.add(Alert.of(AnomalyType.BRADYCARDIA, ts, news.total(), news.risk(), evidence.toString()));
    }
  }

  private static Alert alert(AnomalyType type, long ts, News2 news, String severity, HealthEvent v, Ewma baseline) {
    Evidence evidence = Readings.evidence(v).raw("news2", news.json());
    if (baseline != null && !baseline.isEmpty()) {
      evidence.put("baseline_mean", baseline.mean).put("baseline_sd", baseline.sd());
    }
    return Alert.of(type, ts, news.total(), severity, evidence.toString());
  }
}
