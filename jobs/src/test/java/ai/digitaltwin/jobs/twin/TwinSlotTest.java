package ai.digitaltwin.jobs.twin;

import static ai.digitaltwin.jobs.Readings.calm;
import static ai.digitaltwin.jobs.Readings.minute;
import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.jobs.Events;
import ai.digitaltwin.jobs.ingest.Consumed;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class TwinSlotTest {
  static final String TWIN = "twin-a";

  @Test
  void aSlotGoesThroughACheckpointWithoutKryoAndComesBackTheSame() throws Exception {
    SerializerConfigImpl config = new SerializerConfigImpl();
    config.setGenericTypes(false); // a Kryo fallback anywhere in the slot would throw here
    TypeSerializer<TwinSlot> serializer = TwinSlot.TYPE.createSerializer(config);

    TwinSlot slot = new TwinSlot();
    TwinInput registry = TwinInput.registry(new Consumed<>(TWIN, "r1", minute(0).toEpochMilli(), 0, 0,
        Events.created(TWIN, minute(0), 0.5)));
    slot.model = new TwinModel();
    slot.model.fold(registry);
    slot.model.fold(TwinInput.health(calm(TWIN, 1)));
    slot.waiting.add(TwinInput.health(calm(TWIN, 2)));
    slot.waiting.add(TwinInput.behavior(new Consumed<>(TWIN, "b1", minute(3).toEpochMilli(), 0, 0,
        Events.behavior(TWIN, minute(3), "work", "commute"))));
    slot.waiting.add(registry);
    slot.wakeUp = minute(2).toEpochMilli();

    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(slot, out);
    TwinSlot back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

    assertThat(back.waiting).isEqualTo(slot.waiting);
    assertThat(back.wakeUp).isEqualTo(slot.wakeUp);
    assertThat(back.stallCheck).isNull();
    assertThat(back.model.snapshot(TWIN)).isEqualTo(slot.model.snapshot(TWIN));
    assertThat(TwinInput.TYPE.createSerializer(config)).isNotNull(); // the input's network serializer too
  }
}
