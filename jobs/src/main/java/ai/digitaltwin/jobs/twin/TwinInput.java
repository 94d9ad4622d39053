package ai.digitaltwin.jobs.twin;

import ai.digitaltwin.jobs.ingest.Consumed;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.ChatMessage;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import ai.digitaltwin.jobs.types.AvroTypeInfo;
import ai.digitaltwin.jobs.types.RecordTypes;
import java.util.Comparator;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * Everything that changes a twin, in one type so that one keyed operator can fold it all in event-time
 * order. Exactly one of the event fields is set. Readings, behaviour and chat are carried as the few
 * immutable values the twin state reads ({@link Reading}, {@link BehaviorChange}, {@link ChatSentiment}):
 * they cross the shuffle cheaply and a waiting input needs no copy. Registry changes, rare, stay events.
 */
public record TwinInput(
    String twinId,
    long ts,
    String eventId,
    Reading health,
    BehaviorChange behavior,
    ChatSentiment chat,
    TwinRegistryEvent registry) {

  public static final TypeInformation<TwinInput> TYPE =
      RecordTypes.of(
          TwinInput.class,
          Map.of(
              "twinId", Types.STRING,
              "ts", Types.LONG,
              "eventId", Types.STRING,
              "health", Reading.TYPE,
              "behavior", BehaviorChange.TYPE,
              "chat", ChatSentiment.TYPE,
              "registry", AvroTypeInfo.forClass(TwinRegistryEvent.class)));

  /**
   * Event time, then registry before readings before behaviour before chat, then event id: inputs of
   * the same instant fold in the same order on every run.
   */
  public static final Comparator<TwinInput> EVENT_TIME_ORDER =
      Comparator.comparingLong(TwinInput::ts).thenComparingInt(TwinInput::rank).thenComparing(TwinInput::eventId);

  public static TwinInput health(Consumed<HealthEvent> in) {
    return new TwinInput(in.twinId(), in.ts(), in.eventId(), Reading.of(in.event()), null, null, null);
  }

  public static TwinInput behavior(Consumed<BehaviorEvent> in) {
    return new TwinInput(in.twinId(), in.ts(), in.eventId(), null, BehaviorChange.of(in.event()), null, null);
  }

  public static TwinInput chat(Consumed<ChatMessage> in) {
    return new TwinInput(in.twinId(), in.ts(), in.eventId(), null, null, ChatSentiment.of(in.event()), null);
  }

  public static TwinInput registry(Consumed<TwinRegistryEvent> in) {
    return new TwinInput(in.twinId(), in.ts(), in.eventId(), null, null, null, in.event());
  }

  boolean isDeletion() {
    return registry != null && "deleted".equals(registry.getAction());
  }

  private int rank() {
    return registry != null ? 0 : health != null ? 1 : behavior != null ? 2 : 3;
  }
}
