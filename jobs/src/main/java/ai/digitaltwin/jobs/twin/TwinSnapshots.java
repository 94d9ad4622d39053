package ai.digitaltwin.jobs.twin;

import ai.digitaltwin.schemas.TwinState;
import java.time.Instant;

/** Builds the wire snapshot of a {@link TwinModel}. */
final class TwinSnapshots {
  private TwinSnapshots() {}

  static TwinState of(String twinId, TwinModel m, Mood mood) {
    HealthBaseline b = m.baseline;
    return TwinState.newBuilder()
        .setEventId(twinId + "@" + m.lastTs + "#" + m.version)
        .setTwinId(twinId)
        .setTs(Instant.ofEpochMilli(m.lastTs))
        .setReadings(m.readings)
        .setHeartRate(m.heartRate)
        .setSpo2(m.spo2)
        .setSystolicBp(m.systolicBp)
        .setBodyTempC(m.bodyTempC)
        .setHrBaseline(b.hr.isEmpty() ? null : round(b.hr.mean))
        .setHrBaselineSd(b.hr.isEmpty() ? null : round(b.hr.sd()))
        .setRestingHr(b.restingHr.isEmpty() ? null : round(b.restingHr.mean))
        .setBaselineConfidence(round(b.confidence()))
        .setActivity(m.activity)
        .setMood(mood.label())
        .setMoodScore(mood.score())
        .setStress(m.stress)
        .setEnergy(m.energy)
        .setStatus(m.status())
        .setPersonality(m.traits.personality())
        .setDriftCause(m.traits.cause)
        .setRestingHrDay(b.restingToday() == null ? null : round(b.restingToday()))
        .setStepsToday(m.patterns.stepsToday)
        .setSleepHours(m.patterns.lastSleepHours)
        .setSleepRegularity(m.patterns.sleepRegularity())
        .setActivityMix(m.patterns.activityMix())
        .setRoutine(m.patterns.routine())
        .setChatSentiment(m.chatSentiment.isEmpty() ? null : round(m.chatSentiment.mean))
        .build();
  }

  /**
   * The folded snapshot of {@code m} with a newer reading's vitals and the status they give, at the
   * reading's time: what the live view shows before the watermark lets the reading be folded.
   */
  static TwinState live(String twinId, TwinModel m, Reading reading, long ts, String status) {
    return TwinState.newBuilder(of(twinId, m, m.mood()))
        .setEventId(twinId + "@" + ts + "#live")
        .setTs(Instant.ofEpochMilli(ts))
        .setHeartRate(reading.heartRate())
        .setSpo2(reading.spo2())
        .setSystolicBp(reading.systolicBp())
        .setBodyTempC(reading.bodyTempC())
        .setStress(reading.stress() == null ? m.stress : reading.stress())
        .setEnergy(reading.energy() == null ? m.energy : reading.energy())
        .setActivity(reading.activity() == null ? m.activity : reading.activity())
        .setStatus(status)
        .build();
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
