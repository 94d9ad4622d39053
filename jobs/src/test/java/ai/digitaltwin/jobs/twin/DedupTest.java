package ai.digitaltwin.jobs.twin;

import static ai.digitaltwin.jobs.Readings.calm;
import static ai.digitaltwin.jobs.Readings.minute;
import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.jobs.ingest.Consumed;
import ai.digitaltwin.jobs.ingest.ConsumedTypes;
import ai.digitaltwin.schemas.HealthEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
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

  /**
   * History far behind the watermark (a year-old import, a reading every 5 s): its ids are forgotten on
   * the twin's own clock, so the set holds one to two horizons of them (as a live twin's) however long the history (not
   * every id since the watermark last moved, written into every checkpoint), with one timer; a retry
   * within the horizon is still a duplicate; the watermark's next step forgets them all, and a history
   * that goes on after it starts its own clock again.
   */
  @Test
  void historyBehindTheWatermarkKeepsOneToTwoHorizonsOfIdsOnItsOwnClock() {
    long horizon = Duration.ofMinutes(10).toMillis();
    Clock timers = new Clock(minute(365L * 24 * 60).toEpochMilli());
    SeenIds ids = new SeenIds();
    for (int s = 0; s < 24 * 720; s++) { // a day of 5-s readings
      assertThat(Dedup.admit(ids, fiveSeconds(s), horizon, timers)).isTrue();
    }
    assertThat(ids.live()).isBetween(120, 2 * 120);
    assertThat(ids.timers).hasSize(1);
    assertThat(timers.registered).containsExactly(timers.watermark + 1);
    assertThat(Dedup.admit(ids, fiveSeconds(24 * 720 - 60), horizon, timers)).isFalse(); // 5 minutes back: a retry

    ids.expire(timers.watermark + 1); // the watermark's next step fires that timer
    assertThat(ids.live()).isZero();
    timers.watermark += 60_000;
    for (int s = 24 * 720; s < 25 * 720; s++) {
      assertThat(Dedup.admit(ids, fiveSeconds(s), horizon, timers)).isTrue();
    }
    assertThat(Dedup.admit(ids, fiveSeconds(25 * 720 - 1), horizon, timers)).isFalse();
    assertThat(ids.live()).isBetween(120, 2 * 120);
  }

  private static Consumed<HealthEvent> fiveSeconds(int s) {
    Consumed<HealthEvent> minute = calm("imported", 0);
    long ts = minute.ts() + 5_000L * s;
    return new Consumed<>("imported", "imported-" + s, ts, 0, 0, minute.event());
  }

  /** The timer service of one key, as the rule sees it: a watermark and the event-time timers asked for. */
  private static final class Clock implements TimerService {
    long watermark;
    final List<Long> registered = new ArrayList<>();

    Clock(long watermark) {
      this.watermark = watermark;
    }

    @Override
    public long currentProcessingTime() {
      return 0;
    }

    @Override
    public long currentWatermark() {
      return watermark;
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void registerEventTimeTimer(long time) {
      registered.add(time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void deleteEventTimeTimer(long time) {
      registered.remove(time);
    }
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
