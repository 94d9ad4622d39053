package ai.digitaltwin.jobs.health;

import static ai.digitaltwin.jobs.Readings.calm;
import static ai.digitaltwin.jobs.Readings.minute;
import static ai.digitaltwin.jobs.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.jobs.anomaly.AnomalyDetector;
import ai.digitaltwin.jobs.decode.Consumed;
import ai.digitaltwin.jobs.decode.ConsumedTypes;
import ai.digitaltwin.jobs.twin.Dedup;
import ai.digitaltwin.jobs.types.AvroSerializer;
import ai.digitaltwin.schemas.Anomaly;
import ai.digitaltwin.schemas.HealthEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The fused step against the two operators it replaces in the stream job, fed the same readings and watermarks. */
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

    var fused = harness(new HealthSteps(HORIZON), READINGS);
    var dedup = harness(new Dedup<HealthEvent>(HORIZON), READINGS);
    var detector = harness(new AnomalyDetector(), new AvroSerializer<>(Anomaly.class));
    int fed = 0;
    for (int i = 0; i < input.size(); i++) {
      Consumed<HealthEvent> in = input.get(i);
      fused.processElement(new StreamRecord<>(in, in.ts()));
      dedup.processElement(new StreamRecord<>(in, in.ts()));
      List<Consumed<HealthEvent>> unique = dedup.extractOutputValues();
      for (; fed < unique.size(); fed++) {
        detector.processElement(new StreamRecord<>(unique.get(fed), unique.get(fed).ts()));
      }
      if (i % 5 == 0) { // watermarks 3 minutes behind, so timers fire between readings
        long watermark = in.ts() - Duration.ofMinutes(3).toMillis();
        fused.processWatermark(watermark);
        dedup.processWatermark(watermark);
        detector.processWatermark(watermark);
      }
    }
    assertThat(fused.numKeyedStateEntries()).isEqualTo(2); // one slot per twin
    long end = minute(400).toEpochMilli();
    fused.processWatermark(end);
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

  private static <O> KeyedOneInputStreamOperatorTestHarness<String, Consumed<HealthEvent>, O> harness(
      KeyedProcessFunction<String, Consumed<HealthEvent>, O> function, TypeSerializer<O> out) throws Exception {
    var h = new KeyedOneInputStreamOperatorTestHarness<String, Consumed<HealthEvent>, O>(
        new KeyedProcessOperator<>(function), Consumed::twinId, Types.STRING);
    h.setup(out);
    h.open();
    return h;
  }
}
