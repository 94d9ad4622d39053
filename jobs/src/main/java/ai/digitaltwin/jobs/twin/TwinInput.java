package ai.digitaltwin.jobs.twin;

import ai.digitaltwin.jobs.decode.Consumed;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.ChatMessage;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import ai.digitaltwin.jobs.types.AvroTypeInfo;
import ai.digitaltwin.jobs.types.RecordTypes;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * Everything that changes a twin, in one type so that one keyed operator sees it all in event-time
 * order of arrival. Exactly one of the event fields is set.
 */
public record TwinInput(
    String twinId,
    long ts,
    HealthEvent health,
    BehaviorEvent behavior,
    ChatMessage chat,
    TwinRegistryEvent registry) {

  public static final TypeInformation<TwinInput> TYPE =
      RecordTypes.of(
          TwinInput.class,
          Map.of(
              "twinId", Types.STRING,
              "ts", Types.LONG,
              "health", AvroTypeInfo.forClass(HealthEvent.class),
              "behavior", AvroTypeInfo.forClass(BehaviorEvent.class),
              "chat", AvroTypeInfo.forClass(ChatMessage.class),
              "registry", AvroTypeInfo.forClass(TwinRegistryEvent.class)));

  public static TwinInput health(Consumed<HealthEvent> in) {
    return new TwinInput(in.twinId(), in.ts(), in.event(), null, null, null);
  }

  public static TwinInput behavior(Consumed<BehaviorEvent> in) {
    return new TwinInput(in.twinId(), in.ts(), null, in.event(), null, null);
  }

  public static TwinInput chat(Consumed<ChatMessage> in) {
    return new TwinInput(in.twinId(), in.ts(), null, null, in.event(), null);
  }

  public static TwinInput registry(Consumed<TwinRegistryEvent> in) {
    return new TwinInput(in.twinId(), in.ts(), null, null, null, in.event());
  }
}
