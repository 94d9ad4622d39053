package ai.digitaltwin.jobs.sink;

import static ai.digitaltwin.jobs.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.digitaltwin.jobs.Events;
import ai.digitaltwin.jobs.ingest.Consumed;
import ai.digitaltwin.schemas.Anomaly;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.ChatMessage;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Profile;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import ai.digitaltwin.schemas.TwinState;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.junit.jupiter.api.Test;

/** Rows as the hand-written mapper of each type wrote them before, value for value. */
class RecordRowsTest {
  private static final TimestampData AT = ts(T0);

  private static <T extends SpecificRecord> Consumed<T> consumed(T event) {
    return new Consumed<>("twin-1", "id", T0.toEpochMilli(), 3, 4_711L, event);
  }

  private static StringData s(String value) {
    return StringData.fromString(value);
  }

  private static TimestampData ts(Instant at) {
    return TimestampData.fromEpochMillis(at.toEpochMilli());
  }

  @Test
  void aHealthRowHoldsTheReadingAndWhereItWasRead() {
    HealthEvent full = Events.reading("twin-1", T0, 71.5);
    HealthEvent sparse = HealthEvent.newBuilder().setEventId("e").setTwinId("twin-1").setTs(T0).build();
    ConsumedRows<HealthEvent> rows = new ConsumedRows<>(HealthEvent.class, Tables.HEALTH_EVENTS);

    assertThat(rows.map(consumed(full)))
        .isEqualTo(GenericRowData.of(s(full.getEventId()), s("twin-1"), AT, 71.5, 118.0, 76.0, 97.0, 36.6, 14.0, 45.0, 0, 0.3, 0.7,
            s("work"), s("generator"), 3, 4_711L, null));
    assertThat(rows.map(consumed(sparse)))
        .isEqualTo(GenericRowData.of(s("e"), s("twin-1"), AT, null, null, null, null, null, null, null, 0, null, null, null,
            s("generator"), 3, 4_711L, null));
    // a field added to the event after the table's own columns comes after them, as in a table evolved to take it
    assertThat(rows.map(consumed(HealthEvent.newBuilder(sparse).setRestingHr(58.0).build())))
        .isEqualTo(GenericRowData.of(s("e"), s("twin-1"), AT, null, null, null, null, null, null, null, 0, null, null, null,
            s("generator"), 3, 4_711L, 58.0));
  }

  @Test
  void behaviorChatAndGroundTruthRows() {
    BehaviorEvent behavior = Events.behavior("twin-1", T0, "work", null);
    ChatMessage bare = ChatMessage.newBuilder().setEventId("c").setTwinId("twin-1").setTs(T0).setRole("twin").setText("hi").build();
    ChatMessage chat = ChatMessage.newBuilder(bare).setUserId("alice").setIntent("smalltalk").setSentimentLabel("positive").setSentimentScore(0.4).build();
    GroundTruthEpisode truth = Events.truth("twin-1", T0, T0.plusSeconds(600), "fever");

    assertThat(new ConsumedRows<>(BehaviorEvent.class, Tables.BEHAVIOR_EVENTS).map(consumed(behavior)))
        .isEqualTo(GenericRowData.of(s(behavior.getEventId()), s("twin-1"), AT, s("transition"), s("work"), null, 0.0, 0, 0.7, 0.3));
    assertThat(new ConsumedRows<>(ChatMessage.class, Tables.CHAT_MESSAGES).map(consumed(bare)))
        .isEqualTo(GenericRowData.of(s("c"), s("twin-1"), AT, s("twin"), null, s("hi"), null, null, null));
    assertThat(new ConsumedRows<>(ChatMessage.class, Tables.CHAT_MESSAGES).map(consumed(chat)))
        .isEqualTo(GenericRowData.of(s("c"), s("twin-1"), AT, s("twin"), s("alice"), s("hi"), s("smalltalk"), s("positive"), 0.4));
    assertThat(new ConsumedRows<>(GroundTruthEpisode.class, Tables.GROUND_TRUTH).map(consumed(truth)))
        .isEqualTo(GenericRowData.of(s(truth.getEventId()), s("twin-1"), AT, s("fever"), AT, ts(T0.plusSeconds(600)), 0.8));
  }

  @Test
  void aRegistryRowFlattensProfileAndPersonalityNullWhereTheyAre() {
    TwinRegistryEvent created = Events.created("twin-1", T0, 0.8);
    TwinRegistryEvent imported =
        TwinRegistryEvent.newBuilder(created).setProfile(Profile.newBuilder().setName("Ada").build()).setPersonality(null).setSeed(null).build();
    TwinRegistryEvent deleted = TwinRegistryEvent.newBuilder().setEventId("d").setTwinId("twin-1").setTs(T0).setAction("deleted").build();
    ConsumedRows<TwinRegistryEvent> rows = new ConsumedRows<>(TwinRegistryEvent.class, Tables.TWIN_REGISTRY);
    String id = created.getEventId();

    assertThat(rows.map(consumed(created)))
        .isEqualTo(GenericRowData.of(s(id), s("twin-1"), AT, s("created"),
            s("Person twin-1"), 41, s("female"), s("teacher"), new GenericArrayData(new StringData[] {s("hiking"), s("chess")}), s("Europe/Berlin"),
            0.6, 0.7, 0.8, 0.5, 0.4, s("alice"), 7L, s("seeded")));
    assertThat(rows.map(consumed(imported)))
        .isEqualTo(GenericRowData.of(s(id), s("twin-1"), AT, s("created"),
            s("Ada"), null, null, null, new GenericArrayData(new StringData[0]), s("UTC"),
            null, null, null, null, null, s("alice"), null, s("seeded")));
    assertThat(rows.map(consumed(deleted)))
        .isEqualTo(GenericRowData.of(s("d"), s("twin-1"), AT, s("deleted"), null, null, null, null, null, null, null, null, null, null, null,
            null, null, null));
  }

  @Test
  void stateAndAnomalyRows() {
    TwinState bare = TwinState.newBuilder().setEventId("s").setTwinId("twin-1").setTs(T0).setReadings(0).build();
    TwinState full =
        TwinState.newBuilder(bare).setReadings(12).setHeartRate(70.0).setStatus("normal").setPersonality(Events.personality(0.3))
            .setStepsToday(5_000L).setActivityMix("{\"work\":1.0}").setChatSentiment(0.2).build();
    Anomaly open =
        Anomaly.newBuilder().setEventId("a").setTwinId("twin-1").setTs(T0).setType("fever").setLayer("clinical").setSeverity("high")
            .setScore(2.5).setStartTs(T0).setEvidence("{}").setDetectorVersion("v1").build();
    Anomaly closed = Anomaly.newBuilder(open).setEndTs(T0.plusSeconds(900)).build();
    RecordRows<TwinState> states = RecordRows.of(TwinState.class, Tables.TWIN_STATE);
    RecordRows<Anomaly> anomalies = RecordRows.of(Anomaly.class, Tables.ANOMALIES);

    assertThat(states.map(bare))
        .isEqualTo(GenericRowData.of(s("s"), s("twin-1"), AT, 0L, null, null, null, null, null, null, null, 0.0, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
    assertThat(states.map(full))
        .isEqualTo(GenericRowData.of(s("s"), s("twin-1"), AT, 12L, 70.0, null, null, null, null, null, null, 0.0, null, null, null, null,
            null, s("normal"), 0.6, 0.7, 0.3, 0.5, 0.4, null, null, 5_000L, null, null, s("{\"work\":1.0}"), null, 0.2));
    assertThat(anomalies.map(open))
        .isEqualTo(GenericRowData.of(s("a"), s("twin-1"), AT, s("fever"), s("clinical"), s("high"), 2.5, AT, null, s("{}"), s("v1")));
    assertThat(anomalies.map(closed).getTimestamp(8, 6)).isEqualTo(ts(T0.plusSeconds(900)));
  }

  @Test
  void refusesATableWithColumnsTheRecordDoesNotHold() {
    assertThatThrownBy(() -> RecordRows.of(HealthEvent.class, Tables.HEALTH_EVENTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("health_events has columns no HealthEvent holds: [kafka_partition, kafka_offset]");
    assertThatThrownBy(() -> RecordRows.of(BehaviorEvent.class, Tables.HEALTH_EVENTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("health_events.heart_rate (id 4) is 4: heart_rate: optional double (beats per minute) but BehaviorEvent holds 4: kind: required string");
  }
}
