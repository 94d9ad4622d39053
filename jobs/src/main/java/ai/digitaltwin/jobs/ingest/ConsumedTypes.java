package ai.digitaltwin.jobs.ingest;

import ai.digitaltwin.jobs.types.AvroTypeInfo;
import ai.digitaltwin.jobs.types.RecordTypes;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.ChatMessage;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/** Flink type information of each decoded stream (generic parameters are erased at run time). */
public final class ConsumedTypes {
  public static final TypeInformation<Consumed<HealthEvent>> HEALTH = of(HealthEvent.class);
  public static final TypeInformation<Consumed<BehaviorEvent>> BEHAVIOR = of(BehaviorEvent.class);
  public static final TypeInformation<Consumed<TwinRegistryEvent>> REGISTRY = of(TwinRegistryEvent.class);
  public static final TypeInformation<Consumed<ChatMessage>> CHAT = of(ChatMessage.class);
  public static final TypeInformation<Consumed<GroundTruthEpisode>> GROUND_TRUTH =
      of(GroundTruthEpisode.class);

  private ConsumedTypes() {}

  public static <T extends SpecificRecordBase> TypeInformation<Consumed<T>> of(Class<T> type) {
    return RecordTypes.of(
        Consumed.class,
        Map.of(
            "twinId", Types.STRING,
            "eventId", Types.STRING,
            "ts", Types.LONG,
            "partition", Types.INT,
            "offset", Types.LONG,
            "event", AvroTypeInfo.forClass(type)));
  }
}
