package ai.digitaltwin.jobs;

import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.ChatMessage;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Personality;
import ai.digitaltwin.schemas.Profile;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import java.time.Instant;
import java.util.List;

/** Builders of events for tests, with fixed instants. */
public final class Events {
  public static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  private Events() {}

  public static HealthEvent reading(String twin, Instant at, double bpm) {
    return HealthEvent.newBuilder()
        .setEventId(twin + "-h-" + at.toEpochMilli())
        .setTwinId(twin)
        .setTs(at)
        .setHeartRate(bpm)
        .setSystolicBp(118.0)
        .setDiastolicBp(76.0)
        .setSpo2(97.0)
        .setBodyTempC(36.6)
        .setRespRate(14.0)
        .setHrvMs(45.0)
        .setSteps(0)
        .setStress(0.3)
        .setEnergy(0.7)
        .setActivity("work")
        .setSource("generator")
        .build();
  }

  public static BehaviorEvent behavior(String twin, Instant at, String activity, String previous) {
    return BehaviorEvent.newBuilder()
        .setEventId(twin + "-b-" + at.toEpochMilli())
        .setTwinId(twin)
        .setTs(at)
        .setKind("transition")
        .setActivity(activity)
        .setPreviousActivity(previous)
        .setDurationMin(0.0)
        .setSteps(0)
        .setEnergy(0.7)
        .setStress(0.3)
        .build();
  }

  public static TwinRegistryEvent created(String twin, Instant at, double extraversion) {
    return TwinRegistryEvent.newBuilder()
        .setEventId(twin + "-r-" + at.toEpochMilli())
        .setTwinId(twin)
        .setTs(at)
        .setAction("created")
        .setProfile(
            Profile.newBuilder()
                .setName("Person " + twin)
                .setAge(41)
                .setSex("female")
                .setOccupation("teacher")
                .setInterests(List.of("hiking", "chess"))
                .setTimezone("Europe/Berlin")
                .build())
        .setPersonality(personality(extraversion))
        .setOwner("alice")
        .setSeed(7L)
        .setReason("seeded")
        .build();
  }

  public static Personality personality(double extraversion) {
    return Personality.newBuilder()
        .setOpenness(0.6)
        .setConscientiousness(0.7)
        .setExtraversion(extraversion)
        .setAgreeableness(0.5)
        .setNeuroticism(0.4)
        .build();
  }

  public static ChatMessage chat(String twin, Instant at, String text, double sentiment) {
    return ChatMessage.newBuilder()
        .setEventId(twin + "-c-" + at.toEpochMilli())
        .setTwinId(twin)
        .setTs(at)
        .setRole("user")
        .setUserId("alice")
        .setText(text)
        .setIntent("smalltalk")
        .setSentimentLabel(sentiment < -0.05 ? "negative" : sentiment > 0.05 ? "positive" : "neutral")
        .setSentimentScore(sentiment)
        .build();
  }

  public static GroundTruthEpisode truth(String twin, Instant start, Instant end, String type) {
    return GroundTruthEpisode.newBuilder()
        .setEventId(twin + "-g-" + start.toEpochMilli())
        .setTwinId(twin)
        .setTs(start)
        .setType(type)
        .setStartTs(start)
        .setEndTs(end)
        .setSeverity(0.8)
        .build();
  }
}
