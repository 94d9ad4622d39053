package ai.digitaltwin.schemas;

import java.util.List;

/** Every Kafka topic of the system, declared once. No other code spells a topic name. */
public final class Topics {
  /** Vitals, one reading per twin per interval. */
  public static final Topic<HealthEvent> HEALTH = Topic.of("twin.health", HealthEvent.class);
  /** Activity transitions and periodic steps. */
  public static final Topic<BehaviorEvent> BEHAVIOR = Topic.of("twin.behavior", BehaviorEvent.class);
  /** Twins created, updated, deleted: the source of truth for who is simulated. */
  public static final Topic<TwinRegistryEvent> REGISTRY =
      Topic.of("twin.registry", TwinRegistryEvent.class);
  /** Conversations with twins, written by the API. */
  public static final Topic<ChatMessage> CHAT = Topic.of("twin.chat", ChatMessage.class);
  /** Injected anomalies: read only for scoring, never by detectors. */
  public static final Topic<GroundTruthEpisode> GROUND_TRUTH =
      Topic.of("twin.ground-truth", GroundTruthEpisode.class);
  /** Latest state per twin (compacted): the API's live view. */
  public static final Topic<TwinState> STATE = Topic.compacted("twin.state", TwinState.class);
  /** Detected anomaly episodes as they open and close. */
  public static final Topic<Anomaly> ANOMALIES = Topic.of("twin.anomalies", Anomaly.class);

  /**
   * The generator's checkpoint (compacted), written in the same transaction as the events it covers so a
   * restart resumes exactly after the last committed tick. Only the generator reads it.
   */
  public static final Topic<GeneratorProgress> GENERATOR_PROGRESS =
      Topic.compacted("twin.generator-progress", GeneratorProgress.class);

  /**
   * API users (compacted), keyed by username rather than twin id: every API replica replays it at start
   * and follows it, so users survive restarts and are shared between replicas.
   */
  public static final Topic<UserEvent> USERS = Topic.compacted("twin.users", UserEvent.class);

  /** Topics the generator and the API produce into, in the order the stream job reads them. */
  public static final List<Topic<?>> INPUTS = List.of(HEALTH, BEHAVIOR, REGISTRY, CHAT, GROUND_TRUTH);

  public static final List<Topic<?>> ALL =
      List.of(
          HEALTH, BEHAVIOR, REGISTRY, CHAT, GROUND_TRUTH, STATE, ANOMALIES, GENERATOR_PROGRESS, USERS);

  private Topics() {}
}
