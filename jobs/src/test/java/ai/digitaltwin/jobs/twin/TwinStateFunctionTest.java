package ai.digitaltwin.jobs.twin;

import static ai.digitaltwin.jobs.Readings.calm;
import static ai.digitaltwin.jobs.Readings.minute;
import static ai.digitaltwin.jobs.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.digitaltwin.jobs.Events;
import ai.digitaltwin.jobs.Readings;
import ai.digitaltwin.jobs.decode.Consumed;
import ai.digitaltwin.jobs.types.AvroSerializer;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import ai.digitaltwin.schemas.TwinState;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwinStateFunctionTest {
  static final String TWIN = "twin-a";

  KeyedOneInputStreamOperatorTestHarness<String, TwinInput, TwinState> harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new TwinStateFunction(Duration.ofMinutes(15))), TwinInput::twinId, Types.STRING);
    harness.setup(new AvroSerializer<>(TwinState.class));
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void snapshotsOncePerIntervalWithChangesAndClearsStateWhenTheTwinIsDeleted() throws Exception {
    for (int m = 0; m < 40; m++) {
      health(calm(TWIN, m));
    }
    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(harness.numEventTimeTimers()).isEqualTo(3); // ends of 08:15, 08:30 and 08:45

    harness.processWatermark(minute(30).toEpochMilli());
    List<TwinState> out = harness.extractOutputValues();
    assertThat(out).hasSize(1); // the 08:15 and 08:30 timers: only the first finds news
    assertThat(out.get(0).getReadings()).isEqualTo(40);
    assertThat(out.get(0).getTs()).isEqualTo(minute(39));
    assertThat(out.get(0).getStatus()).isEqualTo("normal");
    assertThat(out.get(0).getMood()).isEqualTo("content");

    harness.processWatermark(minute(60).toEpochMilli());
    assertThat(harness.extractOutputValues()).hasSize(1);
    assertThat(harness.numEventTimeTimers()).isZero();
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

    TwinRegistryEvent deleted = Events.created(TWIN, minute(61), 0.5);
    deleted.setAction("deleted");
    input(new TwinInput(TWIN, minute(61).toEpochMilli(), null, null, null, deleted));
    assertThat(harness.numKeyedStateEntries()).isZero();
  }

  @Test
  void aStatusFlipIsSentAtOnce() throws Exception {
    for (int m = 0; m < 20; m++) {
      health(calm(TWIN, m));
    }
    harness.processWatermark(minute(20).toEpochMilli());
    assertThat(harness.extractOutputValues()).hasSize(1);
    health(reading(TWIN, 21, 118));
    List<TwinState> out = harness.extractOutputValues();
    assertThat(out).hasSize(2);
    assertThat(out.get(1).getStatus()).isEqualTo("elevated_hr");
    assertThat(out.get(1).getHeartRate()).isEqualTo(118.0);
  }

  @Test
  void personalityStartsFromTheRegistryAndDriftsWithNegativeChatRecordingWhy() throws Exception {
    input(TwinInput.registry(consumed(Events.created(TWIN, minute(0), 0.5))));
    health(calm(TWIN, 1));
    harness.processWatermark(minute(15).toEpochMilli());
    TwinState first = harness.extractOutputValues().get(0);
    assertThat(first.getPersonality().getNeuroticism()).isEqualTo(0.4);
    assertThat(first.getDriftCause()).isEqualTo("registry created: seeded");

    input(TwinInput.chat(consumed(Events.chat(TWIN, minute(16), "I feel awful", -0.8))));
    List<TwinState> out = harness.extractOutputValues();
    assertThat(out).hasSize(2);
    TwinState drifted = out.get(1);
    assertThat(drifted.getPersonality().getNeuroticism()).isCloseTo(0.4 + 0.002 * 0.8, within(1e-9));
    assertThat(drifted.getDriftCause()).isEqualTo("negative chat sentiment -0.80: neuroticism +0.0016");
    assertThat(drifted.getChatSentiment()).isEqualTo(-0.8);
  }

  @Test
  void neutralChatOrTheTwinsOwnRepliesMoveNothing() throws Exception {
    input(TwinInput.registry(consumed(Events.created(TWIN, minute(0), 0.5))));
    health(calm(TWIN, 1));
    harness.processWatermark(minute(15).toEpochMilli());
    var reply = Events.chat(TWIN, minute(16), "that sounds hard", -0.9);
    reply.setRole("twin");
    input(TwinInput.chat(consumed(reply)));
    input(TwinInput.chat(consumed(Events.chat(TWIN, minute(17), "ok", 0.1))));
    harness.processWatermark(minute(30).toEpochMilli());
    List<TwinState> out = harness.extractOutputValues();
    assertThat(out.get(out.size() - 1).getPersonality().getNeuroticism()).isEqualTo(0.4);
  }

  @Test
  void sleepLengthAndStepsComeFromBehaviour() throws Exception {
    input(TwinInput.behavior(consumed(Events.behavior(TWIN, minute(0), "sleep", "leisure"))));
    input(TwinInput.behavior(consumed(Events.behavior(TWIN, minute(450), "routine", "sleep"))));
    health(reading(TWIN, 451, 72, e -> { e.setSteps(120); return e; }));
    health(reading(TWIN, 452, 74, e -> { e.setSteps(80); return e; }));
    harness.processWatermark(minute(480).toEpochMilli());
    TwinState s = harness.extractOutputValues().get(0);
    assertThat(s.getSleepHours()).isEqualTo(7.5);
    assertThat(s.getStepsToday()).isEqualTo(200L);
    assertThat(s.getActivityMix()).isEqualTo("{\"work\":1.000}");
  }

  private static <T> Consumed<T> consumed(T event) {
    var record = (org.apache.avro.specific.SpecificRecordBase) event;
    String twin = record.get("twin_id").toString();
    long ts = ((java.time.Instant) record.get("ts")).toEpochMilli();
    return new Consumed<>(twin, record.get("event_id").toString(), ts, 0, 0, event);
  }

  private void health(Consumed<ai.digitaltwin.schemas.HealthEvent> reading) throws Exception {
    input(TwinInput.health(reading));
  }

  private void input(TwinInput in) throws Exception {
    harness.processElement(new StreamRecord<>(in, in.ts()));
  }
}
