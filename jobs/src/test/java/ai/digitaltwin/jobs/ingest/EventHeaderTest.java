package ai.digitaltwin.jobs.ingest;

import static ai.digitaltwin.jobs.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.digitaltwin.jobs.Events;
import ai.digitaltwin.schemas.Personality;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Topics;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EventHeaderTest {
  final EventHeader health = EventHeader.of(HealthEvent.getClassSchema());

  @Test
  void readsTheTwinAndTheTimeWithoutDecodingTheEvent() {
    byte[] reading = Topics.HEALTH.codec().encode(Events.reading("twin-a", T0, 70));
    assertThat(health.ts(reading)).isEqualTo(T0.toEpochMilli());
    assertThat(health.twinId(reading)).isEqualTo("twin-a");
  }

  @Test
  void leavesAnotherSchemaAndBrokenMessagesToTheFullDecode() {
    byte[] chat = Topics.CHAT.codec().encode(Events.chat("twin-a", T0, "hi", 0.5)); // another fingerprint
    byte[] cut = Arrays.copyOf(Topics.HEALTH.codec().encode(Events.reading("twin-a", T0, 70)), 14);
    for (byte[] message : new byte[][] {chat, cut, "not avro".getBytes(), new byte[0], null}) {
      assertThat(health.ts(message)).isEqualTo(Long.MIN_VALUE);
      assertThat(health.twinId(message)).isNull();
    }
  }

  @Test
  void refusesASchemaWithOtherLeadingFields() {
    assertThatThrownBy(() -> EventHeader.of(Personality.getClassSchema()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ai.digitaltwin.schemas.Personality does not start with event_id, twin_id, ts");
  }
}
