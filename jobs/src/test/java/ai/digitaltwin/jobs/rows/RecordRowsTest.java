package ai.digitaltwin.jobs.rows;

import static ai.digitaltwin.jobs.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.jobs.Events;
import ai.digitaltwin.jobs.decode.Consumed;
import ai.digitaltwin.schemas.Anomaly;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.ChatMessage;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Profile;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import ai.digitaltwin.schemas.TwinState;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The generic mapping against the hand-written one per type it replaces, value for value. */
class RecordRowsTest {
  private static <T extends SpecificRecord> Consumed<T> consumed(T event, String twin, String id) {
    return new Consumed<>(twin, id, T0.toEpochMilli(), 3, 4_711L, event);
  }

  @Test
  void healthRowsAreTheHandWrittenOnes() throws Exception {
    HealthEvent full = Events.reading("twin-1", T0, 71.5);
    HealthEvent sparse = HealthEvent.newBuilder().setEventId("e").setTwinId("twin-1").setTs(T0).build();
    ConsumedRows<HealthEvent> rows = new ConsumedRows<>(HealthEvent.class, Tables.HEALTH_EVENTS);

    for (HealthEvent e : List.of(full, sparse)) {
      Consumed<HealthEvent> in = consumed(e, e.getTwinId(), e.getEventId());
      assertThat(rows.map(in)).isEqualTo(new HealthRows().map(in));
    }
  }

  @Test
  void behaviorChatAndGroundTruthRowsAreTheHandWrittenOnes() throws Exception {
    BehaviorEvent behavior = Events.behavior("twin-1", T0, "work", null);
    ChatMessage chat = Events.chat("twin-1", T0, "hello", 0.4);
    ChatMessage bare = ChatMessage.newBuilder().setEventId("c").setTwinId("twin-1").setTs(T0).setRole("twin").setText("hi").build();
    GroundTruthEpisode truth = Events.truth("twin-1", T0, T0.plusSeconds(600), "fever");

    assertThat(new ConsumedRows<>(BehaviorEvent.class, Tables.BEHAVIOR_EVENTS).map(consumed(behavior, "twin-1", "b")))
        .isEqualTo(new BehaviorRows().map(consumed(behavior, "twin-1", "b")));
    for (ChatMessage c : List.of(chat, bare)) {
      assertThat(new ConsumedRows<>(ChatMessage.class, Tables.CHAT_MESSAGES).map(consumed(c, "twin-1", "c")))
          .isEqualTo(new ChatRows().map(consumed(c, "twin-1", "c")));
    }
    assertThat(new ConsumedRows<>(GroundTruthEpisode.class, Tables.GROUND_TRUTH).map(consumed(truth, "twin-1", "g")))
        .isEqualTo(new GroundTruthRows().map(consumed(truth, "twin-1", "g")));
  }

  @Test
  void registryRowsFlattenProfileAndPersonalityAsTheHandWrittenOnes() throws Exception {
    TwinRegistryEvent created = Events.created("twin-1", T0, 0.8);
    TwinRegistryEvent imported =
        TwinRegistryEvent.newBuilder(created).setProfile(Profile.newBuilder().setName("Ada").build()).setPersonality(null).setSeed(null).build();
    TwinRegistryEvent deleted =
        TwinRegistryEvent.newBuilder().setEventId("d").setTwinId("twin-1").setTs(T0).setAction("deleted").build();
    ConsumedRows<TwinRegistryEvent> rows = new ConsumedRows<>(TwinRegistryEvent.class, Tables.TWIN_REGISTRY);

    for (TwinRegistryEvent e : List.of(created, imported, deleted)) {
      assertThat(rows.map(consumed(e, "twin-1", e.getEventId()))).isEqualTo(new RegistryRows().map(consumed(e, "twin-1", e.getEventId())));
    }
  }

  @Test
  void stateAndAnomalyRowsAreTheHandWrittenOnes() throws Exception {
    TwinState bare = TwinState.newBuilder().setEventId("s").setTwinId("twin-1").setTs(T0).setReadings(0).build();
    TwinState full =
        TwinState.newBuilder(bare)
            .setReadings(12)
            .setHeartRate(70.0)
            .setStatus("normal")
            .setPersonality(Events.personality(0.3))
            .setStepsToday(5_000L)
            .setActivityMix("{\"work\":1.0}")
            .setChatSentiment(0.2)
            .build();
    Anomaly open =
        Anomaly.newBuilder()
            .setEventId("a").setTwinId("twin-1").setTs(T0).setType("fever").setLayer("clinical").setSeverity("high")
            .setScore(2.5).setStartTs(T0).setEvidence("{}").setDetectorVersion("v1")
            .build();
    Anomaly closed = Anomaly.newBuilder(open).setEndTs(T0.plusSeconds(900)).build();

    for (TwinState s : List.of(bare, full)) {
      assertThat(RecordRows.of(TwinState.class, Tables.TWIN_STATE).map(s)).isEqualTo(new StateRows().map(s));
    }
    for (Anomaly a : List.of(open, closed)) {
      assertThat(RecordRows.of(Anomaly.class, Tables.ANOMALIES).map(a)).isEqualTo(new AnomalyRows().map(a));
    }
  }
}
