package ai.digitaltwin.jobs.anomaly;

import static ai.digitaltwin.jobs.Readings.calm;
import static ai.digitaltwin.jobs.Readings.minute;
import static ai.digitaltwin.jobs.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.jobs.ingest.Consumed;
import ai.digitaltwin.jobs.types.AvroSerializer;
import ai.digitaltwin.schemas.Anomaly;
import ai.digitaltwin.schemas.AnomalyType;
import ai.digitaltwin.schemas.HealthEvent;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnomalyDetectorTest {
  static final String TWIN = "twin-a";

  KeyedOneInputStreamOperatorTestHarness<String, Consumed<HealthEvent>, Anomaly> harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new AnomalyDetector()), Consumed::twinId, Types.STRING);
    harness.setup(new AvroSerializer<>(Anomaly.class));
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void tachycardiaOpensOnTheSecondHighReadingAndClosesAfterTheGapWithItsTimer() throws Exception {
    for (int m = 0; m < 300; m++) {
      feed(calm(TWIN, m));
    }
    assertThat(harness.extractOutputValues()).isEmpty();
    feed(reading(TWIN, 300, 135));
    assertThat(harness.extractOutputValues()).isEmpty();
    feed(reading(TWIN, 301, 142));
    feed(reading(TWIN, 302, 138));

    List<Anomaly> out = harness.extractOutputValues();
    assertThat(out).as(out.toString()).hasSize(1);
    Anomaly opened = out.get(0);
    assertThat(opened.getType()).isEqualTo("tachycardia");
    assertThat(opened.getLayer()).isEqualTo("clinical");
    assertThat(opened.getStartTs()).isEqualTo(minute(300));
    assertThat(opened.getTs()).isEqualTo(minute(301));
    assertThat(opened.getEndTs()).isNull();
    assertThat(opened.getScore()).isEqualTo(3.0); // NEWS2: pulse ≥ 131 is 3 points, the rest 0
    assertThat(opened.getSeverity()).isEqualTo("medium");
    assertThat(opened.getEvidence()).contains("\"heart_rate\":142.00", "\"total\":3", "\"baseline_mean\":");
    assertThat(opened.getDetectorVersion()).isEqualTo(Episodes.DETECTOR_VERSION);
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);

    harness.processWatermark(minute(302 + 10).toEpochMilli());
    out = harness.extractOutputValues();
    assertThat(out).hasSize(2);
    Anomaly closed = out.get(1);
    assertThat(closed.getEndTs()).isEqualTo(minute(302));
    assertThat(closed.getStartTs()).isEqualTo(minute(300));
    assertThat(closed.getEventId()).isEqualTo(TWIN + "/tachycardia/" + minute(300).toEpochMilli() + "/close");
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void aSingleHighReadingIsForgottenWithoutAnEpisode() throws Exception {
    for (int m = 0; m < 300; m++) {
      feed(calm(TWIN, m));
    }
    feed(reading(TWIN, 300, 140));
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    harness.processWatermark(minute(400).toEpochMilli());
    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void exerciseHeartRateIsNormalForThatActivity() throws Exception {
    for (int m = 0; m < 300; m++) {
      feed(reading(TWIN, m, 140 + (m * 7) % 9 - 4, e -> { e.setActivity("exercise"); e.setSteps(100); return e; }));
    }
    assertThat(harness.extractOutputValues()).isEmpty();
  }

  @Test
  void impossibleValueIsASensorSpikeNotTachycardia() throws Exception {
    feed(calm(TWIN, 0));
    feed(reading(TWIN, 1, 280));
    feed(calm(TWIN, 2));
    harness.processWatermark(minute(30).toEpochMilli());
    List<Anomaly> out = harness.extractOutputValues();
    assertThat(out).extracting(Anomaly::getType).containsExactly("sensor_spike", "sensor_spike");
    assertThat(out.get(0).getLayer()).isEqualTo("sensor");
    assertThat(out.get(0).getEvidence()).contains("\"impossible\":\"heart_rate\"");
    assertThat(out.get(1).getEndTs()).isEqualTo(minute(1));
  }

  @Test
  void repeatedIdenticalReadingsAreAFlatLineFromTheFirstOfThem() throws Exception {
    feed(calm(TWIN, 0));
    feed(reading(TWIN, 1, 73));
    feed(reading(TWIN, 2, 73));
    assertThat(harness.extractOutputValues()).isEmpty();
    feed(reading(TWIN, 3, 73));
    List<Anomaly> out = harness.extractOutputValues();
    assertThat(out).extracting(Anomaly::getType).containsExactly("sensor_flatline");
    assertThat(out.get(0).getStartTs()).isEqualTo(minute(1));
  }

  @Test
  void aFlatLineResumingAfterItsEpisodeClosedIsANewEpisodeWithItsOwnIds() throws Exception {
    feed(calm(TWIN, 0));
    for (int m = 1; m <= 3; m++) {
      feed(reading(TWIN, m, 73));
    }
    feed(reading(TWIN, 20, 73)); // the same values after a pause longer than the merge gap
    feed(reading(TWIN, 21, 73));
    feed(reading(TWIN, 2, 73)); // a late copy of the first run's values, inside its closed episode
    harness.processWatermark(minute(60).toEpochMilli());
    List<Anomaly> out = harness.extractOutputValues();
    assertThat(out)
        .extracting(a -> a.getStartTs() + " " + a.getEndTs())
        .containsExactly(
            minute(1) + " null",
            minute(1) + " " + minute(3),
            minute(20) + " null", // its evidence reaches back to minute 1, but that episode is closed
            minute(20) + " " + minute(21));
    assertThat(out).extracting(Anomaly::getEventId).doesNotHaveDuplicates();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void readingsWithoutValuesAndLongGapsAreDropouts() throws Exception {
    feed(calm(TWIN, 0));
    feed(reading(TWIN, 1, 70, e -> blank(e)));
    feed(reading(TWIN, 2, 70, e -> blank(e)));
    feed(calm(TWIN, 3));
    feed(calm(TWIN, 60)); // nothing for 57 minutes
    harness.processWatermark(minute(120).toEpochMilli());
    List<Anomaly> out = harness.extractOutputValues();
    assertThat(out)
        .extracting(a -> a.getType() + " " + a.getStartTs() + " " + a.getEndTs())
        .containsExactly(
            "sensor_dropout " + minute(1) + " null",
            "sensor_dropout " + minute(1) + " " + minute(2),
            "sensor_dropout " + minute(3) + " null", // the gap opens at once: it is certain
            "sensor_dropout " + minute(3) + " " + minute(60));
  }

  @Test
  void restingHeartRateRaisedTwoNightsInARowAboveThePersonsOwnNightsIsFoundWithinTheBands() throws Exception {
    int m = 0;
    for (int day = 0; day < 5; day++) {
      m = day(m, 56);
    }
    m = day(m, 68); // +12 bpm asleep: every NEWS2 band still says 0
    assertThat(harness.extractOutputValues()).as("one raised night is only a sign").isEmpty();
    int secondNight = m;
    m = day(m, 68);
    List<Anomaly> out = harness.extractOutputValues();
    // opened at the wake, closed by the day's readings once its merge gap has passed without another
    assertThat(out).extracting(Anomaly::getType).containsExactly("resting_hr_elevation", "resting_hr_elevation");
    assertThat(out.get(1).getEndTs()).isEqualTo(minute(secondNight + NIGHT));
    Anomaly opened = out.get(0);
    assertThat(opened.getEndTs()).isNull();
    assertThat(opened.getLayer()).isEqualTo("baseline");
    assertThat(opened.getScore()).isBetween(11.0, 13.0);
    assertThat(opened.getTs()).as("at the wake after the second raised night").isEqualTo(minute(secondNight + NIGHT));
    assertThat(opened.getStartTs()).as("the evidence began with the first raised night").isEqualTo(minute(secondNight - DAY));
    assertThat(opened.getEvidence()).contains("\"raised_nights\":2", "\"activity\":\"work\"");
  }

  @Test
  void raisedNightsThatAreNotInARowAreNotAnElevation() throws Exception {
    int m = 0;
    for (int day = 0; day < 5; day++) {
      m = day(m, 56);
    }
    for (int day = 0; day < 3; day++) {
      m = day(m, 68); // a drink, a late meal: one raised night at a time
      m = day(m, 56);
    }
    assertThat(harness.extractOutputValues()).extracting(Anomaly::getType).doesNotContain("resting_hr_elevation");
  }

  private static final int NIGHT = 8 * 60;
  private static final int DAY = 24 * 60;

  /** A day from minute {@code m}: eight hours asleep at {@code sleepBpm}, then sixteen awake at work. */
  private int day(int m, double sleepBpm) throws Exception {
    int start = m;
    for (; m < start + NIGHT; m++) {
      feed(reading(TWIN, m, sleepBpm + (m * 3) % 7 - 3, e -> asleep(e)));
    }
    for (; m < start + DAY; m++) {
      feed(reading(TWIN, m, 70 + (m * 3) % 7 - 3));
    }
    return m;
  }

  private static HealthEvent asleep(HealthEvent e) {
    e.setActivity("sleep");
    e.setSteps(0);
    return e;
  }

  @Test
  void aHighRateFallingAfterExerciseIsRecoveryButOneThatStaysHighIsTachycardia() throws Exception {
    int m = 0;
    for (; m < 300; m++) {
      feed(calm(TWIN, m));
    }
    for (int i = 0; i < 30; i++, m++) {
      feed(reading(TWIN, m, 135 + i % 3, e -> exercise(e)));
    }
    for (int i = 0; i < 10; i++, m++) {
      feed(reading(TWIN, m, 70 + 65 * Math.exp(-(i + 1) / 3.0))); // back at the desk, slowing down
    }
    for (; m < 400; m++) {
      feed(calm(TWIN, m));
    }
    assertThat(harness.extractOutputValues()).isEmpty();

    for (int i = 0; i < 30; i++, m++) {
      feed(reading(TWIN, m, 135 + i % 3, e -> exercise(e)));
    }
    int sat = m;
    for (int i = 0; i < 10; i++, m++) {
      feed(reading(TWIN, m, 135 + i % 3)); // at the desk, and the heart does not slow
    }
    List<Anomaly> out = harness.extractOutputValues();
    assertThat(out).extracting(Anomaly::getType).containsExactly("tachycardia");
    assertThat(out.get(0).getTs().toEpochMilli() - minute(sat).toEpochMilli()).isLessThanOrEqualTo(10 * 60_000L);
  }

  @Test
  void theRateAFeverExplainsIsNotTachycardia() throws Exception {
    int m = 0;
    for (; m < 300; m++) {
      feed(calm(TWIN, m));
    }
    for (int i = 0; i < 30; i++, m++) {
      feed(reading(TWIN, m, 118 + i % 3, e -> fever(e, 39.6))); // +3 °C: about 30 bpm of it is the fever's
    }
    assertThat(harness.extractOutputValues()).extracting(Anomaly::getType).containsOnly("fever");
    for (int i = 0; i < 5; i++, m++) {
      feed(reading(TWIN, m, 140 + i % 3, e -> fever(e, 39.6))); // far beyond what the fever explains
    }
    assertThat(harness.extractOutputValues()).extracting(Anomaly::getType).contains("tachycardia");
  }

  private static HealthEvent exercise(HealthEvent e) {
    e.setActivity("exercise");
    e.setSteps(120);
    return e;
  }

  private static HealthEvent fever(HealthEvent e, double celsius) {
    e.setBodyTempC(celsius);
    return e;
  }

  /**
   * A year-old import beside live twins: the watermark, set by the live ones, is far ahead of every
   * reading. It moves on in the middle of the history's tachycardia; the episode still ends where the
   * history's own readings end it, not where the watermark happens to be, and the same as in a batch run.
   */
  @Test
  void historyBehindTheWatermarkRunsOnTheTwinsOwnClock() throws Exception {
    long live = minute(365L * 24 * 60).toEpochMilli();
    harness.processWatermark(live);
    List<Consumed<HealthEvent>> fed = feedTheHistorysStart();
    harness.processWatermark(live + 60_000); // the live twins move on while the history is being read
    assertThat(harness.extractOutputValues()).extracting(a -> a.getStartTs() + " " + a.getEndTs())
        .containsExactly(minute(300) + " null");
    List<Consumed<HealthEvent>> more = new java.util.ArrayList<>();
    more.add(reading(TWIN, 305, 138)); // within the merge gap: the same episode
    more.add(reading(TWIN, 306, 140));
    for (int m = 307; m < 330; m++) {
      more.add(calm(TWIN, m));
    }
    for (Consumed<HealthEvent> r : more) {
      feed(r);
    }
    fed.addAll(more);
    assertThat(harness.numEventTimeTimers()).isZero();
    List<Anomaly> out = harness.extractOutputValues();
    assertThat(out).extracting(a -> a.getStartTs() + " " + a.getEndTs())
        .containsExactly(minute(300) + " null", minute(300) + " " + minute(306));
    assertThat(out).isEqualTo(batch(fed));
  }

  /**
   * The history arrives before the watermark is known (a job just started, or an operator's second input
   * not yet reported): its deadline gets an event-time timer like a live one's. When the live watermark
   * then leaps over it in the middle of the episode, the episode stays open for the history's own
   * readings, and ends as in a batch run.
   */
  @Test
  void historyReadBeforeTheWatermarkIsKnownIsNotClosedByItsLeap() throws Exception {
    List<Consumed<HealthEvent>> fed = feedTheHistorysStart();
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    harness.processWatermark(minute(365L * 24 * 60).toEpochMilli()); // the live twins' watermark arrives
    assertThat(harness.extractOutputValues()).extracting(a -> a.getStartTs() + " " + a.getEndTs())
        .containsExactly(minute(300) + " null");
    List<Consumed<HealthEvent>> more = new java.util.ArrayList<>();
    more.add(reading(TWIN, 303, 138)); // within the merge gap: the same episode
    for (int m = 304; m < 330; m++) {
      more.add(calm(TWIN, m));
    }
    for (Consumed<HealthEvent> r : more) {
      feed(r);
    }
    fed.addAll(more);
    assertThat(harness.extractOutputValues()).isEqualTo(batch(fed))
        .extracting(a -> a.getStartTs() + " " + a.getEndTs())
        .containsExactly(minute(300) + " null", minute(300) + " " + minute(303));
  }

  @Test
  void historyThatStopsMidEpisodeClosesItOnceQuietForTheQuietTime() throws Exception {
    harness.setProcessingTime(1_000);
    harness.processWatermark(minute(365L * 24 * 60).toEpochMilli());
    feedTheHistorysStart();
    assertThat(harness.numEventTimeTimers()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

    harness.setProcessingTime(1_000 + DetectorClock.HISTORY_QUIET.toMillis() - 1);
    assertThat(harness.extractOutputValues()).hasSize(1); // still open: the import may go on
    harness.setProcessingTime(1_000 + DetectorClock.HISTORY_QUIET.toMillis());
    List<Anomaly> out = harness.extractOutputValues();
    assertThat(out).extracting(a -> a.getStartTs() + " " + a.getEndTs())
        .containsExactly(minute(300) + " null", minute(300) + " " + minute(301));
    assertThat(out.get(1).getTs()).isEqualTo(minute(301).plusMillis(EpisodeRule.of(AnomalyType.TACHYCARDIA).mergeGapMillis()));
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  /** Five calm hours of the history, then the first two minutes of its tachycardia: fed, and returned. */
  private List<Consumed<HealthEvent>> feedTheHistorysStart() throws Exception {
    List<Consumed<HealthEvent>> fed = new java.util.ArrayList<>();
    for (int m = 0; m < 300; m++) {
      fed.add(calm(TWIN, m));
    }
    fed.add(reading(TWIN, 300, 135));
    fed.add(reading(TWIN, 301, 142));
    for (Consumed<HealthEvent> r : fed) {
      feed(r);
    }
    return fed;
  }

  /** The same readings through {@link TwinDetector} as the backtest runs them: sorted, timers at the end. */
  private static List<Anomaly> batch(List<Consumed<HealthEvent>> readings) {
    DetectorState state = new DetectorState();
    List<Anomaly> out = new java.util.ArrayList<>();
    for (Consumed<HealthEvent> r : readings) {
      out.addAll(TwinDetector.reading(TWIN, state, r.event(), r.ts()));
    }
    out.addAll(TwinDetector.endOfInput(TWIN, state));
    return out;
  }

  private static HealthEvent blank(HealthEvent e) {
    e.setHeartRate(null);
    e.setSystolicBp(null);
    e.setDiastolicBp(null);
    e.setSpo2(null);
    e.setBodyTempC(null);
    e.setRespRate(null);
    e.setHrvMs(null);
    return e;
  }

  private void feed(Consumed<HealthEvent> reading) throws Exception {
    harness.processElement(new StreamRecord<>(reading, reading.ts()));
  }
}
