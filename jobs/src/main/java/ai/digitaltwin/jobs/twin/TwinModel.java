package ai.digitaltwin.jobs.twin;

import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.TwinState;
import java.time.Instant;
import java.util.Set;

/**
 * What the stream job knows about one twin: latest vitals, a learned heart-rate baseline and resting
 * heart rate. Kept as one keyed value (a Flink POJO) so each event costs one state read and one write.
 */
public class TwinModel {
  /** Weight of a new reading in the baselines: about the last 500 readings (≈ 8 h at one a minute). */
  static final double ALPHA = 1.0 / 500;
  /** Resting readings after which the baseline confidence reaches 63 %. */
  static final double CONFIDENCE_SCALE = 720;
  private static final Set<String> ACTIVE = Set.of("exercise", "commute");

  public long readings;
  public long lastTs = Long.MIN_VALUE;
  public Double heartRate;
  public Double spo2;
  public Double systolicBp;
  public Double bodyTempC;
  public Double stress;
  public Double energy;
  public String activity;
  public Ewma hr = new Ewma();
  public Ewma restingHr = new Ewma();
  public long emittedReadings;
  public String emittedStatus;

  public TwinModel() {}

  /** Folds one reading in. Latest values follow event time, so a late reading never overwrites them. */
  public void addHealth(HealthEvent e, long ts) {
    readings++;
    if (ts >= lastTs) {
      lastTs = ts;
      heartRate = e.getHeartRate();
      spo2 = e.getSpo2();
      systolicBp = e.getSystolicBp();
      bodyTempC = e.getBodyTempC();
      stress = e.getStress();
      energy = e.getEnergy();
      activity = e.getActivity();
    }
    Double bpm = e.getHeartRate();
    if (bpm != null && bpm > 20 && bpm < 250) {
      hr.add(bpm, ALPHA);
      if (isResting(e)) {
        restingHr.add(bpm, ALPHA);
      }
    }
  }

  /** Low activity: few steps and not exercising or travelling. */
  static boolean isResting(HealthEvent e) {
    return e.getSteps() <= 10 && (e.getActivity() == null || !ACTIVE.contains(e.getActivity()));
  }

  /** The original system's status rules, most urgent first. */
  public String status() {
    if (heartRate != null && heartRate > 100) {
      return "elevated_hr";
    }
    if (stress != null && stress > 0.8) {
      return "high_stress";
    }
    if (energy != null && energy < 0.3) {
      return "low_energy";
    }
    return "normal";
  }

  /** Grows with resting readings: the honest measure of how much the baseline has learned. */
  public double confidence() {
    return 1 - Math.exp(-restingHr.count / CONFIDENCE_SCALE);
  }

  public boolean changedSinceEmit() {
    return readings != emittedReadings;
  }

  /** A change worth a snapshot now rather than at the next cadence tick. */
  public boolean significantChange() {
    return emittedStatus != null && !emittedStatus.equals(status());
  }

  public TwinState snapshot(String twinId) {
    emittedReadings = readings;
    emittedStatus = status();
    return TwinState.newBuilder()
        .setEventId(twinId + "@" + lastTs + "#" + readings)
        .setTwinId(twinId)
        .setTs(Instant.ofEpochMilli(lastTs))
        .setReadings(readings)
        .setHeartRate(heartRate)
        .setSpo2(spo2)
        .setSystolicBp(systolicBp)
        .setBodyTempC(bodyTempC)
        .setHrBaseline(hr.isEmpty() ? null : hr.mean)
        .setHrBaselineSd(hr.isEmpty() ? null : hr.sd())
        .setRestingHr(restingHr.isEmpty() ? null : restingHr.mean)
        .setBaselineConfidence(confidence())
        .setActivity(activity)
        .setStress(stress)
        .setEnergy(energy)
        .setStatus(emittedStatus)
        .build();
  }
}
