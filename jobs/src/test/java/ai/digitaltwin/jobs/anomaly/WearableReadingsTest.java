package ai.digitaltwin.jobs.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.schemas.Anomaly;
import ai.digitaltwin.schemas.HealthEvent;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A wearable's record (heart rate every few seconds while worn, steps per minute, no activity) through the detector's steps. */
class WearableReadingsTest {
  static final String TWIN = "worn";
  static final LocalDateTime DAY0 = LocalDateTime.of(2021, 1, 4, 0, 0);

  final DetectorState state = new DetectorState();
  final List<Anomaly> out = new ArrayList<>();

  @Test
  void wearGapsStepsOnlyRecordsRepeatedWholeBeatsAndExerciseAlarmNothing() {
    LocalDateTime t = DAY0.plusHours(8);
    for (int i = 0; i < 360; i++) { // an hour at the desk, a sample every 10 s, whole bpm repeating in threes
      feed(t.plusSeconds(10L * i), 72.0 + (i / 3) % 2, 0);
    }
    t = t.plusHours(4); // four hours on the charger: no readings at all
    for (int m = 0; m < 45; m++) { // a run: steps every minute, a heart rate far above any desk baseline
      feed(t.plusMinutes(m), null, 160);
      feed(t.plusMinutes(m).plusSeconds(5), 150.0 + m % 7, 0);
    }
    t = t.plusHours(2);
    for (int m = 0; m < 60; m++) { // a ride: no steps, 145 bpm
      feed(t.plusMinutes(m).plusSeconds(3), 145.0 + m % 5, 0);
    }
    end();
    assertThat(out).as(out.toString()).isEmpty();
  }

  @Test
  void aLoneHeartRateStuckForHalfAnHourIsAFlatLine() {
    for (int i = 0; i < 200; i++) {
      feed(DAY0.plusHours(9).plusSeconds(10L * i), 64.0, 0);
    }
    end();
    assertThat(out).extracting(Anomaly::getType).containsOnly("sensor_flatline");
  }

  @Test
  void twoRaisedNightsInARowAlertOneDoesNot() {
    double[] nights = {57, 58, 59, 57, 58, 59, 57, 58, 59, 58, 57, 58, 59, 58, 65, 58, 58, 65, 66};
    for (int d = 0; d < nights.length; d++) {
      day(DAY0.plusDays(d), nights[d]);
    }
    end();
    List<Anomaly> opened = out.stream().filter(a -> a.getEndTs() == null).toList();
    assertThat(opened).as(out.toString()).hasSize(1);
    Anomaly a = opened.get(0);
    assertThat(a.getType()).isEqualTo("resting_hr_elevation");
    assertThat(a.getLayer()).isEqualTo("baseline");
    // the second raised night (day 18) is judged when it closes: the first reading after 07:00
    assertThat(a.getTs()).isEqualTo(instant(DAY0.plusDays(18).plusHours(7)));
    assertThat(a.getEvidence()).contains("\"night\":\"2021-01-22\"", "\"baseline_mean\":58", "\"raised_nights\":2");
  }

  @Test
  void aRestlessSleeperAlertsOnTwoNightsRaisedAFewBpmButNotOnTheirOrdinarySpread() {
    // nights scattered by ±6 bpm around 80 (a robust SD near 6): their ups and downs never come two in a row
    double[] nights = {74, 86, 80, 73, 87, 79, 75, 85, 81, 74, 86, 80, 75, 85, 80, 79, 81, 88, 89};
    for (int d = 0; d < nights.length; d++) {
      day(DAY0.plusDays(d), nights[d]);
    }
    end();
    List<Anomaly> opened = out.stream().filter(a -> a.getEndTs() == null).toList();
    assertThat(opened).as(out.toString()).hasSize(1);
    // 8 and 9 bpm over the median on the last two nights: a rise an infection brings, well inside 2 SD of these nights
    assertThat(opened.get(0).getTs()).isEqualTo(instant(DAY0.plusDays(18).plusHours(7)));
    assertThat(opened.get(0).getEvidence()).contains("\"raised_nights\":2", "\"baseline_mean\":80");
  }

  @Test
  void aNightWithStepsEveryFewMinutesHasNoRestingHeartRate() {
    for (int d = 0; d < 12; d++) {
      LocalDateTime night = DAY0.plusDays(d);
      for (int m = 0; m < 7 * 60; m++) {
        if (m % 10 == 0) {
          feed(night.plusMinutes(m), null, 12); // up and about: never 12 quiet minutes
        }
        feed(night.plusMinutes(m).plusSeconds(20), 95.0 + m % 3, 0);
      }
      feed(night.plusHours(7), null, 30);
    }
    end();
    assertThat(out).isEmpty();
    assertThat(state.nights.days).isEmpty();
  }

  @Test
  void theDevicesOwnDailyRestingHeartRateAlertsOnTwoRaisedDaysInARow() {
    double[] days = {57, 58, 59, 57, 58, 59, 57, 58, 59, 58, 57, 58, 59, 58, 65, 58, 58, 65, 66};
    for (int d = 0; d < days.length; d++) {
      restingHr(DAY0.plusDays(d), days[d]);
      restingHr(DAY0.plusDays(d).plusHours(12), 90); // the same day reported again: judged once
    }
    end();
    List<Anomaly> opened = out.stream().filter(a -> a.getEndTs() == null).toList();
    assertThat(opened).as(out.toString()).hasSize(1);
    Anomaly a = opened.get(0);
    assertThat(a.getType()).isEqualTo("resting_hr_elevation");
    assertThat(a.getTs()).isEqualTo(instant(DAY0.plusDays(18)));
    assertThat(a.getEvidence()).contains("\"reported_by\":\"device\"", "\"night\":\"2021-01-22\"", "\"baseline_mean\":58",
        "\"raised_nights\":2");
    assertThat(state.reported.days).hasSize(days.length);
    assertThat(state.nights.days).as("no readings' nights: the device's days are not counted twice").isEmpty();
  }

  @Test
  void aDaysReportedRestingHeartRateWithinTheUsualSpreadAlertsNothing() {
    double[] days = {57, 58, 59, 57, 58, 59, 57, 58, 59, 58, 57, 58, 59, 58, 61, 61, 60, 61, 61};
    for (int d = 0; d < days.length; d++) {
      restingHr(DAY0.plusDays(d), days[d]);
    }
    end();
    assertThat(out).as(out.toString()).isEmpty();
  }

  /** The device's resting heart rate of a day, alone in its record (as Apple Health exports it). */
  private void restingHr(LocalDateTime at, double bpm) {
    HealthEvent e = HealthEvent.newBuilder()
        .setEventId(TWIN + "/resting/" + at)
        .setTwinId(TWIN)
        .setTs(instant(at))
        .setRestingHr(bpm)
        .setSource("import")
        .build();
    out.addAll(TwinDetector.reading(TWIN, state, e, e.getTs().toEpochMilli()));
  }

  /** A night at {@code restingHr} (a sample every 30 s, 00:00–07:00), then a walk at 07:00. */
  private void day(LocalDateTime midnight, double restingHr) {
    for (int s = 0; s < 7 * 120; s++) {
      feed(midnight.plusSeconds(30L * s), restingHr + (s % 3 - 1), 0);
    }
    for (int m = 0; m < 30; m++) {
      feed(midnight.plusHours(7).plusMinutes(m), null, 80);
      feed(midnight.plusHours(7).plusMinutes(m).plusSeconds(10), 95.0 + m % 4, 0);
    }
  }

  private void feed(LocalDateTime at, Double bpm, int steps) {
    HealthEvent e = HealthEvent.newBuilder()
        .setEventId(TWIN + "/" + at + "/" + steps)
        .setTwinId(TWIN)
        .setTs(instant(at))
        .setHeartRate(bpm)
        .setSteps(steps)
        .setSource("import")
        .build();
    out.addAll(TwinDetector.reading(TWIN, state, e, e.getTs().toEpochMilli()));
  }

  private void end() {
    out.addAll(TwinDetector.endOfInput(TWIN, state));
  }

  static java.time.Instant instant(LocalDateTime local) {
    return local.atZone(Rest.UTC).toInstant();
  }
}
