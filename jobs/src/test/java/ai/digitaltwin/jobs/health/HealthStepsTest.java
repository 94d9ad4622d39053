package ai.digitaltwin.jobs.health;

import static ai.digitaltwin.jobs.Readings.calm;
import static ai.digitaltwin.jobs.Readings.minute;
import static ai.digitaltwin.jobs.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.jobs.anomaly.AnomalyDetector;
import ai.digitaltwin.jobs.anomaly.DetectorClock;
import ai.digitaltwin.jobs.ingest.Consumed;
import ai.digitaltwin.jobs.ingest.ConsumedTypes;
import ai.digitaltwin.jobs.twin.Dedup;
import ai.digitaltwin.jobs.types.AvroSerializer;
import ai.digitaltwin.schemas.Anomaly;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Profile;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The fused step against the two operators it replaces in the stream job, fed the same readings and
 * watermarks; and the twin's zone, from its registry changes, placing its nights.
 */
class HealthStepsTest {
  static final Duration HORIZON = Duration.ofMinutes(10);
  static final TypeSerializer<Consumed<HealthEvent>> READINGS = ConsumedTypes.HEALTH.createSerializer(new SerializerConfigImpl());

  @Test
  void sameReadingsAndAnomaliesAsDedupThenTheDetectorWithOneStateEntryPerTwin() throws Exception {
    List<Consumed<HealthEvent>> input = new ArrayList<>();
    for (int m = 0; m < 300; m++) {
      input.add(calm("twin-a", m));
      input.add(calm("twin-b", m));
    }
    input.add(reading("twin-a", 300, 135));
    input.add(reading("twin-a", 301, 142));
    input.add(reading("twin-a", 301, 142)); // a retry
    input.add(reading("twin-a", 302, 138));
    for (int m = 303; m < 340; m++) {
      input.add(calm("twin-a", m));
      // a flat line from minute 318: its deadline moves onto the bucket end at minute 330 and past it
      input.add(m < 318 ? calm("twin-b", m) : reading("twin-b", m, 73));
    }
    input.add(calm("twin-b", 315)); // a late retry: its id was forgotten by the timer at minute 330, the flat line's deadline once

    var fused = steps();
    var dedup = harness(new Dedup<HealthEvent>(HORIZON), READINGS);
    var detector = harness(new AnomalyDetector(), new AvroSerializer<>(Anomaly.class));
    int fed = 0;
    for (int i = 0; i < input.size(); i++) {
      Consumed<HealthEvent> in = input.get(i);
      fused.processElement1(new StreamRecord<>(in, in.ts()));
      dedup.processElement(new StreamRecord<>(in, in.ts()));
      List<Consumed<HealthEvent>> unique = dedup.extractOutputValues();
      for (; fed < unique.size(); fed++) {
        detector.processElement(new StreamRecord<>(unique.get(fed), unique.get(fed).ts()));
      }
      if (i % 5 == 0) { // watermarks 3 minutes behind, so timers fire between readings
        long watermark = in.ts() - Duration.ofMinutes(3).toMillis();
        fused.processBothWatermarks(new Watermark(watermark));
        dedup.processWatermark(watermark);
        detector.processWatermark(watermark);
      }
    }
    assertThat(fused.numKeyedStateEntries()).isEqualTo(2); // one slot per twin
    long end = minute(400).toEpochMilli();
    fused.processBothWatermarks(new Watermark(end));
    detector.processWatermark(end);

    assertThat(fused.extractOutputValues()).extracting(Consumed::eventId)
        .containsExactlyElementsOf(dedup.extractOutputValues().stream().map(Consumed::eventId).toList())
        .contains(calm("twin-b", 315).eventId());
    List<Anomaly> anomalies = fused.getSideOutput(HealthSteps.ANOMALIES).stream().map(StreamRecord::getValue).toList();
    assertThat(anomalies).extracting(Anomaly::getType).contains("tachycardia", "sensor_flatline");
    assertThat(anomalies).containsExactlyElementsOf(detector.extractOutputValues());
    assertThat(fused.numEventTimeTimers()).isZero(); // ids forgotten, episodes closed
    fused.close();
    dedup.close();
    detector.close();
  }

  /**
   * History read while the registry input has not reported a watermark (nor turned idle): the step's
   * watermark is still at its lowest, so the history's deadline gets an event-time timer. When the
   * registry's watermark then arrives and the step's leaps to the live twins' time in the middle of the
   * history's episode, the episode stays open for the history's own readings.
   */
  @Test
  void historyReadBeforeTheRegistryReportsKeepsItsEpisodeWhole() throws Exception {
    var steps = steps();
    long live = minute(365L * 24 * 60).toEpochMilli();
    steps.processWatermark1(new Watermark(live)); // the readings' watermark: the live twins'
    for (int m = 0; m < 300; m++) {
      Consumed<HealthEvent> in = calm("imported", m);
      steps.processElement1(new StreamRecord<>(in, in.ts()));
    }
    for (int m = 300; m < 302; m++) {
      Consumed<HealthEvent> in = reading("imported", m, 140);
      steps.processElement1(new StreamRecord<>(in, in.ts()));
    }
    steps.processWatermark2(new Watermark(live)); // the registry reports: the step's watermark leaps
    for (int m = 303; m < 330; m++) {
      Consumed<HealthEvent> in = m == 303 ? reading("imported", m, 138) : calm("imported", m);
      steps.processElement1(new StreamRecord<>(in, in.ts()));
    }
    List<Anomaly> anomalies = steps.getSideOutput(HealthSteps.ANOMALIES).stream().map(StreamRecord::getValue).toList();
    assertThat(anomalies).extracting(a -> a.getStartTs() + " " + a.getEndTs())
        .containsExactly(minute(300) + " null", minute(300) + " " + minute(303));
    steps.close();
  }

  /** The first day of the nights that {@link #tokyoNights} covers. */
  static final LocalDateTime DAY0 = LocalDateTime.of(2021, 1, 4, 0, 0);
  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  /**
   * The same instants for two twins, "tokyo" and "utc": a person in Tokyo (UTC+9) asleep 00:00-07:00
   * local and about 09:00-16:00 on their feet, whose resting HR rises on the last two of 19 nights.
   */
  private static List<HealthEvent> tokyoNights() {
    double[] nights = {57, 58, 59, 57, 58, 59, 57, 58, 59, 58, 57, 58, 59, 58, 65, 58, 58, 65, 66};
    List<HealthEvent> out = new ArrayList<>();
    for (int d = 0; d < nights.length; d++) {
      for (HealthEvent e : day(DAY0.plusDays(d), nights[d], TOKYO)) {
        for (String twin : List.of("tokyo", "utc")) {
          out.add(HealthEvent.newBuilder(e).setTwinId(twin).setEventId(twin + "/" + e.getEventId()).build());
        }
      }
    }
    return out;
  }

  @Test
  void aTwinsNightsLieInItsOwnZone() throws Exception {
    var steps = steps();
    steps.processElement2(new StreamRecord<>(registry("tokyo", TOKYO), 0));
    steps.processElement2(new StreamRecord<>(registry("utc", ZoneId.of("UTC")), 0));
    for (HealthEvent e : tokyoNights()) {
      steps.processElement1(new StreamRecord<>(consumed(e), e.getTs().toEpochMilli()));
    }
    steps.processBothWatermarks(new Watermark(Long.MAX_VALUE));
    List<Anomaly> anomalies = steps.getSideOutput(HealthSteps.ANOMALIES).stream().map(StreamRecord::getValue).toList();

    List<Anomaly> opened = anomalies.stream().filter(a -> a.getEndTs() == null).toList();
    assertThat(opened).as(anomalies.toString()).hasSize(1);
    Anomaly a = opened.get(0);
    assertThat(a.getTwinId()).isEqualTo("tokyo");
    assertThat(a.getType()).isEqualTo("resting_hr_elevation");
    // the second raised night, 2021-01-22 in Tokyo, judged when it closes: the first reading after 07:00 there
    assertThat(a.getTs()).isEqualTo(DAY0.plusDays(18).plusHours(7).atZone(TOKYO).toInstant());
    assertThat(a.getEvidence()).contains("\"night\":\"2021-01-22\"", "\"raised_nights\":2");
    steps.close();
  }

  /**
   * The backtest's detector, given the registry's zones up front, finds the same anomalies in the same
   * readings as the stream's health step that learns them from the registry input: a Tokyo twin's
   * nights are its own, not UTC's.
   */
  @Test
  void theBacktestsDetectorWithTheZonesFindsWhatTheStreamFinds() throws Exception {
    var stream = steps();
    stream.processElement2(new StreamRecord<>(registry("tokyo", TOKYO), 0));
    var backtest = harness(new AnomalyDetector(DetectorClock.HISTORY_QUIET, Map.of("tokyo", TOKYO.getId())),
        new AvroSerializer<>(Anomaly.class));
    for (HealthEvent e : tokyoNights()) {
      stream.processElement1(new StreamRecord<>(consumed(e), e.getTs().toEpochMilli()));
      backtest.processElement(new StreamRecord<>(consumed(e), e.getTs().toEpochMilli()));
    }
    stream.processBothWatermarks(new Watermark(Long.MAX_VALUE));
    backtest.processWatermark(Long.MAX_VALUE);
    List<Anomaly> found = backtest.extractOutputValues();
    assertThat(found).extracting(Anomaly::getType).contains("resting_hr_elevation");
    assertThat(found).extracting(Anomaly::getTwinId).containsOnly("tokyo");
    assertThat(found).isEqualTo(stream.getSideOutput(HealthSteps.ANOMALIES).stream().map(StreamRecord::getValue).toList());
    stream.close();
    backtest.close();
  }

  /** A night at {@code restingHr} (a sample every 30 s, local 00:00–07:00), then a walk, then a day on foot. */
  private static List<HealthEvent> day(LocalDateTime midnight, double restingHr, ZoneId zone) {
    List<HealthEvent> out = new ArrayList<>();
    for (int s = 0; s < 7 * 120; s++) {
      out.add(worn(midnight.plusSeconds(30L * s), zone, restingHr + (s % 3 - 1), 0));
    }
    for (int m = 0; m < 9 * 60; m++) { // from 07:00 until 16:00 on the move: steps every minute
      out.add(worn(midnight.plusHours(7).plusMinutes(m), zone, null, 80));
      out.add(worn(midnight.plusHours(7).plusMinutes(m).plusSeconds(10), zone, 95.0 + m % 4, 0));
    }
    return out;
  }

  private static HealthEvent worn(LocalDateTime at, ZoneId zone, Double bpm, int steps) {
    return HealthEvent.newBuilder()
        .setEventId(at + "/" + steps)
        .setTwinId("worn")
        .setTs(at.atZone(zone).toInstant())
        .setHeartRate(bpm)
        .setSteps(steps)
        .setSource("import")
        .build();
  }

  private static Consumed<HealthEvent> consumed(HealthEvent e) {
    return new Consumed<>(e.getTwinId(), e.getEventId(), e.getTs().toEpochMilli(), 0, 0, e);
  }

  private static Consumed<TwinRegistryEvent> registry(String twin, ZoneId zone) {
    Profile profile = Profile.newBuilder().setName(twin).setTimezone(zone.getId()).build();
    TwinRegistryEvent e = new TwinRegistryEvent(twin + "/imported", twin, Instant.EPOCH, "imported", profile, null, null, null, null);
    return new Consumed<>(twin, e.getEventId(), 0, 0, 0, e);
  }

  private static KeyedTwoInputStreamOperatorTestHarness<String, Consumed<HealthEvent>, Consumed<TwinRegistryEvent>, Consumed<HealthEvent>>
      steps() throws Exception {
    var h = new KeyedTwoInputStreamOperatorTestHarness<String, Consumed<HealthEvent>, Consumed<TwinRegistryEvent>, Consumed<HealthEvent>>(
        new KeyedCoProcessOperator<>(new HealthSteps(HORIZON)), Consumed::twinId, Consumed::twinId, Types.STRING);
    h.setup(READINGS);
    h.open();
    return h;
  }

  private static <O> KeyedOneInputStreamOperatorTestHarness<String, Consumed<HealthEvent>, O> harness(
      KeyedProcessFunction<String, Consumed<HealthEvent>, O> function, TypeSerializer<O> out) throws Exception {
    var h = new KeyedOneInputStreamOperatorTestHarness<String, Consumed<HealthEvent>, O>(
        new KeyedProcessOperator<>(function), Consumed::twinId, Types.STRING);
    h.setup(out);
    h.open();
    return h;
  }
}
