package ai.digitaltwin.jobs.twin;

import static ai.digitaltwin.jobs.Readings.calm;
import static ai.digitaltwin.jobs.Readings.minute;
import static ai.digitaltwin.jobs.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.digitaltwin.jobs.Events;
import ai.digitaltwin.jobs.Readings;
import ai.digitaltwin.jobs.ingest.Consumed;
import ai.digitaltwin.jobs.types.AvroSerializer;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import ai.digitaltwin.schemas.TwinState;
import java.time.Duration;
import java.util.ArrayList;
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
  static final Duration STALL = Duration.ofMinutes(1);

  KeyedOneInputStreamOperatorTestHarness<String, TwinInput, TwinState> harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new TwinStateFunction(Duration.ofMinutes(15), STALL)), TwinInput::twinId, Types.STRING);
    harness.setup(new AvroSerializer<>(TwinState.class));
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void snapshotsOncePerIntervalWithChangesInEventTimeAndClearsStateWhenTheTwinIsDeleted() throws Exception {
    for (int m = 0; m < 40; m++) {
      health(calm(TWIN, m));
    }
    assertThat(harness.extractOutputValues()).isEmpty(); // everything waits for the watermark
    assertThat(harness.numEventTimeTimers()).isEqualTo(1); // one per twin, at its earliest waiting reading

    harness.processWatermark(minute(30).toEpochMilli());
    List<TwinState> out = harness.extractOutputValues();
    assertThat(out).extracting(TwinState::getReadings).containsExactly(15L, 30L);
    assertThat(out).extracting(TwinState::getTs).containsExactly(minute(14), minute(29));
    assertThat(out.get(0).getStatus()).isEqualTo("normal");
    assertThat(out.get(0).getMood()).isEqualTo("content");

    harness.processWatermark(minute(60).toEpochMilli());
    out = harness.extractOutputValues();
    assertThat(out).hasSize(3);
    assertThat(out.get(2).getReadings()).isEqualTo(40);
    assertThat(out.get(2).getTs()).isEqualTo(minute(39));
    assertThat(harness.numEventTimeTimers()).isZero();
    harness.setProcessingTime(STALL.toMillis()); // the stall check finds nothing waiting
    assertThat(harness.numProcessingTimeTimers()).isZero();
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1); // the slot, with the model alone

    TwinRegistryEvent deleted = Events.created(TWIN, minute(61), 0.5);
    deleted.setAction("deleted");
    input(TwinInput.registry(consumed(deleted)));
    harness.processWatermark(minute(61).toEpochMilli());
    harness.setProcessingTime(2 * STALL.toMillis());
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  @Test
  void aStatusFlipGoesToTheLiveViewAtOnceAndIntoTheHistoryWhenTheWatermarkPassesIt() throws Exception {
    for (int m = 0; m < 20; m++) {
      health(calm(TWIN, m));
    }
    harness.processWatermark(minute(20).toEpochMilli());
    assertThat(harness.extractOutputValues()).hasSize(1);
    assertThat(hotPath()).isEqualTo(harness.extractOutputValues()); // calm readings change no status
    health(reading(TWIN, 21, 118));
    assertThat(harness.extractOutputValues()).hasSize(1); // the history waits for the watermark
    List<TwinState> hot = hotPath();
    assertThat(hot).hasSize(2).startsWith(harness.extractOutputValues().get(0));
    assertThat(hot.get(1)).satisfies(s -> {
      assertThat(s.getEventId()).isEqualTo(TWIN + "@" + minute(21).toEpochMilli() + "#live");
      assertThat(s.getStatus()).isEqualTo("elevated_hr");
      assertThat(s.getHeartRate()).isEqualTo(118.0);
      assertThat(s.getTs()).isEqualTo(minute(21));
      assertThat(s.getReadings()).isEqualTo(20); // the folded state's, with the new reading's vitals
    });
    harness.processWatermark(minute(21).toEpochMilli());
    List<TwinState> out = harness.extractOutputValues();
    assertThat(out).hasSize(2);
    assertThat(out.get(1).getStatus()).isEqualTo("elevated_hr");
    assertThat(out.get(1).getHeartRate()).isEqualTo(118.0);
    assertThat(out.get(1).getTs()).isEqualTo(minute(21));
  }

  @Test
  void aFiringThatFoldsSeveralIntervalsSendsTheLiveViewOnlyItsNewestSnapshot() throws Exception {
    for (int m = 0; m < 40; m++) {
      health(calm(TWIN, m));
    }
    harness.processWatermark(minute(60).toEpochMilli()); // one step of a backfill's watermark
    List<TwinState> history = harness.extractOutputValues();
    assertThat(history).extracting(TwinState::getTs).containsExactly(minute(14), minute(29), minute(39));
    assertThat(hotPath()).containsExactly(history.get(2));

    health(calm(TWIN, 61)); // live: one reading per firing, and each snapshot reaches the live view
    harness.processWatermark(minute(61).toEpochMilli());
    harness.processWatermark(minute(75).toEpochMilli());
    history = harness.extractOutputValues();
    assertThat(history).extracting(TwinState::getTs).endsWith(minute(39), minute(61));
    assertThat(hotPath()).containsExactly(history.get(2), history.get(3));
  }

  @Test
  void aFlipBackBeforeTheWatermarkGoesToTheLiveViewToo() throws Exception {
    for (int m = 0; m < 20; m++) {
      health(calm(TWIN, m));
    }
    harness.processWatermark(minute(20).toEpochMilli());
    health(reading(TWIN, 21, 118));
    health(reading(TWIN, 22, 119)); // still elevated: nothing new to show
    health(calm(TWIN, 23)); // back to normal while the fold still stands at minute 19
    List<TwinState> live = previews();
    assertThat(live).extracting(TwinState::getStatus).containsExactly("elevated_hr", "normal");
    assertThat(live).extracting(TwinState::getTs).containsExactly(minute(21), minute(23));
    harness.processWatermark(minute(24).toEpochMilli()); // the fold passes the previews
    health(reading(TWIN, 25, 120));
    live = previews();
    assertThat(live).extracting(TwinState::getStatus).containsExactly("elevated_hr", "normal", "elevated_hr");
  }

  @Test
  void everyReadingReachesTheLiveViewAtALivePaceAndABackfillsAtMostOncePerSecond() throws Exception {
    for (int m = 0; m < 20; m++) {
      health(calm(TWIN, m));
    }
    harness.processWatermark(minute(20).toEpochMilli());
    harness.setProcessingTime(60_000); // live: one reading a minute, each one shown with its own time
    health(calm(TWIN, 21));
    harness.setProcessingTime(120_000);
    health(calm(TWIN, 22));
    assertThat(previews()).extracting(TwinState::getTs).containsExactly(minute(21), minute(22));
    assertThat(previews()).extracting(TwinState::getStatus).containsOnly("normal");
    health(calm(TWIN, 23)); // within the same second: a backfill's pace, left to the folded snapshots
    health(calm(TWIN, 24));
    assertThat(previews()).hasSize(2);
    harness.setProcessingTime(120_000 + TwinStateFunction.LIVE_EVERY.toMillis());
    health(calm(TWIN, 25));
    assertThat(previews()).extracting(TwinState::getTs).containsExactly(minute(21), minute(22), minute(25));
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
    harness.processWatermark(minute(16).toEpochMilli());
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

  @Test
  void whenTheWatermarkStandsStillTheInputsUpToTheNewestReadingAreFoldedAndSent() throws Exception {
    for (int m = 0; m < 10; m++) {
      health(calm(TWIN, m));
    }
    input(TwinInput.behavior(consumed(Events.behavior(TWIN, minute(20), "sleep", "work")))); // read ahead
    harness.processWatermark(minute(5).toEpochMilli());
    harness.setProcessingTime(STALL.toMillis()); // the watermark moved since the check was armed
    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

    harness.setProcessingTime(2 * STALL.toMillis()); // and now it has not: the data ended
    List<TwinState> out = harness.extractOutputValues();
    assertThat(out).extracting(TwinState::getReadings).containsExactly(10L);
    assertThat(out.get(0).getTs()).isEqualTo(minute(9));
    assertThat(out.get(0).getActivity()).isEqualTo("work");
    assertThat(harness.numProcessingTimeTimers()).isZero();
    // one slot: the model, the behaviour still waiting (folded below), and the time of the twin's timer
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    harness.processWatermark(minute(30).toEpochMilli());
    out = harness.extractOutputValues();
    assertThat(out).hasSize(2);
    assertThat(out.get(1).getActivity()).isEqualTo("sleep");
    assertThat(out.get(1).getTs()).isEqualTo(minute(20));
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
  }

  @Test
  void aChatMessageAfterTheLastReadingIsFoldedWhenTheWatermarkStandsStill() throws Exception {
    for (int m = 0; m < 10; m++) {
      health(calm(TWIN, m));
    }
    harness.processWatermark(minute(9).toEpochMilli());
    harness.extractOutputValues().clear();
    // the wearable went quiet; the person talks to the twin
    input(TwinInput.chat(consumed(Events.chat(TWIN, minute(30), "I feel awful", -0.8))));
    harness.setProcessingTime(STALL.toMillis());
    harness.setProcessingTime(2 * STALL.toMillis()); // the watermark has not moved: nothing else comes
    List<TwinState> out = harness.extractOutputValues();
    assertThat(out).isNotEmpty();
    assertThat(out.get(out.size() - 1).getChatSentiment()).isEqualTo(-0.8);
    assertThat(out.get(out.size() - 1).getReadings()).isEqualTo(10L);
  }

  @Test
  void aWaitingInputIsACopySoThatAReusedEventObjectCannotChangeIt() throws Exception {
    Consumed<ai.digitaltwin.schemas.HealthEvent> first = reading(TWIN, 0, 70);
    health(first);
    var reused = first.event(); // what object reuse does: the next record deserialized into the same event
    reused.setHeartRate(118.0);
    reused.setTs(minute(16));
    input(TwinInput.health(consumed(reused)));
    harness.processWatermark(minute(15).toEpochMilli());
    List<TwinState> out = harness.extractOutputValues();
    assertThat(out).extracting(TwinState::getHeartRate).containsExactly(70.0);
  }

  @Test
  void daysAreTheLocalDaysOfTheTwinsZoneFromItsFirstInput() throws Exception {
    TwinRegistryEvent created = Events.created(TWIN, minute(0), 0.5);
    created.getProfile().setTimezone("Pacific/Honolulu"); // 08:00Z is 22:00 the evening before
    input(TwinInput.registry(consumed(created)));
    for (int m = 0; m < 1570; m++) {
      // local midnights at minutes 120 and 1560; 90 social minutes on 1 March, 30 on 2 March
      String activity = m < 90 || (m >= 600 && m < 630) ? "social" : "work";
      health(reading(TWIN, m, 70 + (m * 7) % 5 - 2, e -> { e.setActivity(activity); return e; }));
      harness.processWatermark(minute(m).toEpochMilli());
    }
    List<TwinState> out = harness.extractOutputValues();
    assertThat(out.stream().map(TwinState::getDriftCause).filter(c -> c.startsWith("social")).distinct())
        .containsExactly(
            "social activity 90 min on 2026-03-01: extraversion +0.0010",
            "social activity 30 min on 2026-03-02: extraversion -0.0010");
  }

  @Test
  void aBackfillWithBehaviourReadAheadOfHealthGivesTheSameHistoryAsEventTimeOrder() throws Exception {
    List<TwinInput> behaviour = new ArrayList<>();
    behaviour.add(TwinInput.behavior(consumed(Events.behavior(TWIN, minute(905), "leisure", "social"))));
    behaviour.add(TwinInput.behavior(consumed(Events.behavior(TWIN, minute(930), "sleep", "leisure"))));
    behaviour.add(TwinInput.behavior(consumed(Events.behavior(TWIN, minute(1010), "routine", "sleep"))));
    List<TwinInput> health = new ArrayList<>();
    for (int m = 0; m < 1020; m++) {
      // 90 social minutes in the evening of 2 March in Berlin (22:00-23:30 local), the day ends 23:00Z
      String activity = m >= 780 && m < 870 ? "social" : "work";
      health.add(TwinInput.health(reading(TWIN, m, 70 + (m * 7) % 5 - 2, e -> { e.setActivity(activity); return e; })));
    }
    TwinInput registry = TwinInput.registry(consumed(Events.created(TWIN, minute(0), 0.5)));

    // read as a backfill reads it: registry, then the whole behaviour topic, then health with the watermark
    input(registry);
    behaviour.forEach(this::input);
    health.forEach(in -> {
      input(in);
      watermark(in.ts() - 1);
    });
    watermark(minute(1100).toEpochMilli());
    List<TwinState> backfilled = harness.extractOutputValues();

    // the same inputs arriving in event-time order
    List<TwinInput> ordered = new ArrayList<>(health);
    ordered.addAll(behaviour);
    ordered.add(registry);
    ordered.sort(TwinInput.EVENT_TIME_ORDER);
    close();
    open();
    ordered.forEach(in -> {
      input(in);
      watermark(in.ts());
    });
    watermark(minute(1100).toEpochMilli());
    assertThat(backfilled).isEqualTo(harness.extractOutputValues());

    // snapshots describe their own moment, spread over the hours with readings
    assertThat(backfilled).extracting(TwinState::getReadings).isSorted();
    assertThat(backfilled.stream().map(s -> s.getTs().toEpochMilli() / 3_600_000).distinct()).hasSize(17);
    assertThat(backfilled.get(0).getTs()).isEqualTo(minute(14));
    assertThat(backfilled).filteredOn(s -> s.getTs().isBefore(minute(1010))).allMatch(s -> s.getSleepHours() == null);
    assertThat(backfilled).filteredOn(s -> !s.getTs().isBefore(minute(1010))).isNotEmpty()
        .allMatch(s -> s.getSleepHours() == 1.33);
    // the day closes with the first reading of 3 March, local time, and counts every social reading of it
    TwinState closed =
        backfilled.stream().filter(s -> s.getDriftCause().startsWith("social")).findFirst().orElseThrow();
    assertThat(closed.getDriftCause()).isEqualTo("social activity 90 min on 2026-03-02: extraversion +0.0010");
    assertThat(closed.getTs()).isEqualTo(minute(900));
    assertThat(closed.getPersonality().getExtraversion()).isEqualTo(0.501);
  }

  @Test
  void aDayClosesWithTheFirstReadingOfTheNextOneNotWithBehaviourThatOvertookItsReadings() throws Exception {
    input(TwinInput.registry(consumed(Events.created(TWIN, minute(0), 0.5))));
    for (int m = 0; m < 780; m++) {
      health(calm(TWIN, m));
      watermark(minute(m).toEpochMilli());
    }
    // the readings' source falls silent long enough to count as idle: the behaviour source alone moves
    // the watermark past local midnight (minute 900, 23:00Z in Berlin), and its input of 3 March is folded
    input(TwinInput.behavior(consumed(Events.behavior(TWIN, minute(905), "sleep", "leisure"))));
    watermark(minute(906).toEpochMilli());
    // then the evening's readings come, behind the watermark: 90 social minutes of 2 March, 10 steps each
    for (int m = 780; m < 960; m++) {
      String activity = m < 870 ? "social" : "sleep";
      health(reading(TWIN, m, 70 + (m * 7) % 5 - 2, e -> { e.setActivity(activity); e.setSteps(10); return e; }));
    }
    watermark(minute(1000).toEpochMilli());
    List<TwinState> out = harness.extractOutputValues();
    assertThat(out.stream().map(TwinState::getDriftCause).filter(c -> c.startsWith("social")).distinct())
        .containsExactly("social activity 90 min on 2026-03-02: extraversion +0.0010");
    TwinState closed = out.stream().filter(s -> s.getDriftCause().startsWith("social")).findFirst().orElseThrow();
    assertThat(closed.getReadings()).isEqualTo(901L); // sent as reading 900, the first of 3 March, closed the day
    // 3 March counts its own readings only, 900 to 959
    assertThat(out.get(out.size() - 1).getStepsToday()).isEqualTo(600L);
  }

  /** The live previews the hot path got, in order. */
  private List<TwinState> previews() {
    return hotPath().stream().filter(s -> s.getEventId().toString().endsWith("#live")).toList();
  }

  /** What the hot path got: the newest snapshot of each input or timer and the live previews, in order. */
  private List<TwinState> hotPath() {
    var hot = harness.getSideOutput(TwinStateFunction.HOT_PATH);
    return hot == null ? List.of() : hot.stream().map(StreamRecord::getValue).toList();
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

  private void input(TwinInput in) {
    try {
      harness.processElement(new StreamRecord<>(in, in.ts()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void watermark(long time) {
    try {
      harness.processWatermark(time);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
