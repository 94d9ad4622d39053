package ai.digitaltwin.reliability.poison;

import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.ChatMessage;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.schemas.Topic;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Valid events for every input topic, of probe twins that no one simulates, with ids the scenario can
 * find again ({@code rel-poison-<topic>-<n>}). Registry events say "deleted" for twins that never existed:
 * valid, and a no-op for the generator, the job and the API's twin list.
 */
final class ProbeEvents {
  static final String ID_PREFIX = "rel-poison-";

  static final Map<String, String> TABLE_OF =
      Map.of(
          Topics.HEALTH.name(), Tables.HEALTH_EVENTS,
          Topics.BEHAVIOR.name(), Tables.BEHAVIOR_EVENTS,
          Topics.REGISTRY.name(), Tables.TWIN_REGISTRY,
          Topics.CHAT.name(), Tables.CHAT_MESSAGES,
          Topics.GROUND_TRUTH.name(), Tables.GROUND_TRUTH);

  private ProbeEvents() {}

  static String twin(int n) {
    return "rel-poison-twin-" + (n % 4);
  }

  static String eventId(Topic<?> topic, int n) {
    return ID_PREFIX + topic.name() + "-" + n;
  }

  static SpecificRecordBase of(Topic<?> topic, int n, Instant at) {
    String id = eventId(topic, n);
    String twin = twin(n);
    if (topic == Topics.HEALTH) {
      return HealthEvent.newBuilder()
          .setEventId(id)
          .setTwinId(twin)
          .setTs(at)
          .setHeartRate(70.0 + n % 20)
          .setSystolicBp(118.0)
          .setDiastolicBp(78.0)
          .setSpo2(97.5)
          .setBodyTempC(36.7)
          .setRespRate(14.0)
          .setHrvMs(55.0)
          .setSteps(n % 50)
          .setStress(0.3)
          .setEnergy(0.6)
          .setActivity("work")
          .setSource("wearable")
          .build();
    }
    if (topic == Topics.BEHAVIOR) {
      return new BehaviorEvent(id, twin, at, "step", "work", null, 15.0, n % 200, 0.6, 0.3);
    }
    if (topic == Topics.REGISTRY) {
      return new TwinRegistryEvent(id, twin, at, "deleted", null, null, "reliability", null, "poison scenario probe");
    }
    if (topic == Topics.CHAT) {
      return new ChatMessage(id, twin, at, "user", "reliability", "how am I doing?", null, null, null);
    }
    if (topic == Topics.GROUND_TRUTH) {
      return new GroundTruthEpisode(id, twin, at, "tachycardia", at, at.plusSeconds(600), 0.5);
    }
    throw new IllegalArgumentException("not an input topic: " + topic);
  }
}
