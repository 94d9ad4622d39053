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

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
