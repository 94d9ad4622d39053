package ai.digitaltwin.jobs.twin;

import static ai.digitaltwin.jobs.Readings.calm;
import static ai.digitaltwin.jobs.Readings.minute;
import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.jobs.decode.Consumed;
import ai.digitaltwin.jobs.decode.ConsumedTypes;
import ai.digitaltwin.schemas.HealthEvent;
import java.time.Duration;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class DedupTest {
  @Test
  void dropsRepeatsWithinTheHorizonAndForgetsIdsAfterIt() throws Exception {
    var harness = opened();

    feed(harness, calm("twin-a", 0));
    feed(harness, calm("twin-a", 1));
    feed(harness, calm("twin-a", 0)); // a retry
    feed(harness, calm("twin-b", 0)); // same minute, other twin: another event
    assertThat(harness.extractOutputValues()).extracting(Consumed::eventId).hasSize(3).doesNotHaveDuplicates();
    assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
    assertThat(harness.numEventTimeTimers()).isEqualTo(2); // one bucket per twin, not one per event

    harness.processWatermark(minute(30).toEpochMilli());
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
    harness.close();
  }

  @Test
  void aRecordLaterThanItsHorizonIsStillDeduplicatedUntilTheNextWatermark() throws Exception {
    var harness = opened();
    feed(harness, calm("twin-a", 40));
    harness.processWatermark(minute(60).toEpochMilli()); // the minute-40 bucket has expired
    feed(harness, calm("twin-a", 1)); // far later than the horizon
    feed(harness, calm("twin-a", 1)); // and its retry, before the watermark moves
    assertThat(harness.extractOutputValues()).extracting(Consumed::eventId).hasSize(2).doesNotHaveDuplicates();
    harness.processWatermark(minute(61).toEpochMilli());
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
    harness.close();
  }

  /** The step with a 10-minute horizon, opened. */
  private static KeyedOneInputStreamOperatorTestHarness<String, Consumed<HealthEvent>, Consumed<HealthEvent>> opened()
      throws Exception {
    var harness =
        new KeyedOneInputStreamOperatorTestHarness<String, Consumed<HealthEvent>, Consumed<HealthEvent>>(
            new KeyedProcessOperator<>(new Dedup<>(Duration.ofMinutes(10))), Consumed::twinId, Types.STRING);
    harness.setup(ConsumedTypes.HEALTH.createSerializer(new SerializerConfigImpl()));
    harness.open();
    return harness;
  }

  private static void feed(
      KeyedOneInputStreamOperatorTestHarness<String, Consumed<HealthEvent>, Consumed<HealthEvent>> harness,
      Consumed<HealthEvent> reading) throws Exception {
    harness.processElement(new StreamRecord<>(reading, reading.ts()));
  }
}
