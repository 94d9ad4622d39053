package ai.digitaltwin.generator.anomaly;

import ai.digitaltwin.generator.vitals.Reading;
import ai.digitaltwin.schemas.AnomalyType;
import java.util.SplittableRandom;

/** What each anomaly does to a reading, scaled by its severity (0..1). */
final class Effects {
  private Effects() {}

  /** Whether an anomaly shifts vitals (applied first) rather than bounding them. */
  static boolean shifts(AnomalyType type) {
    return type == AnomalyType.FEVER || type == AnomalyType.RESTING_HR_ELEVATION;
  }

  static void clinical(Episode e, Reading x, SplittableRandom r) {
    double s = e.severity();
    switch (e.type()) {
      case TACHYCARDIA -> x.heartRate = Math.max(x.heartRate, 118 + 45 * s + 3 * r.nextGaussian());
      // in sleep, where sinus bradycardia reaches the mid-30s (Brodsky et al. 1977): below any sleeping baseline
      case BRADYCARDIA -> x.heartRate = Math.min(x.heartRate, 40 - 6 * s + 1.5 * r.nextGaussian());
      case SPO2_DIP -> x.spo2 = Math.min(x.spo2, 89.5 - 6 * s + 0.5 * r.nextGaussian());
      case HYPERTENSIVE -> {
        x.systolic = Math.max(x.systolic, 162 + 35 * s + 4 * r.nextGaussian());
        x.diastolic = Math.max(x.diastolic, 98 + 15 * s + 3 * r.nextGaussian());
      }
      case FEVER -> {
        double rise = 1.3 + 1.7 * s;
        x.bodyTempC += rise;
        x.heartRate += 10 * rise; // about 10 bpm per degree
        x.respRate += 2 * rise;
        x.hrvMs *= 0.75;
      }
      case RESTING_HR_ELEVATION -> {
        x.heartRate += 6 + 9 * s; // illness onset: days of raised resting HR (wearable studies)
        x.hrvMs *= 0.85;
      }
      default -> throw new IllegalArgumentException("not clinical: " + e.type());
    }
  }

  static void sensor(Episode e, Reading x, SplittableRandom r) {
    switch (e.type()) {
      case SENSOR_FLATLINE -> x.setVitals(e.frozen());
      case SENSOR_DROPOUT -> x.drop();
      case SENSOR_SPIKE -> x.heartRate = 245 + 60 * e.severity() + 5 * r.nextDouble();
      default -> throw new IllegalArgumentException("not a sensor fault: " + e.type());
    }
  }
}
