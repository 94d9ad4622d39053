package ai.digitaltwin.jobs.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BehaviorPatternsTest {
  static final long HOUR = 3_600_000;
  static final long DAY = 24 * HOUR;
  static final long MONDAY = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
  static final long SATURDAY = Instant.parse("2026-03-07T00:00:00Z").toEpochMilli();

  final BehaviorPatterns patterns = new BehaviorPatterns();
  final LocalClock clock = new LocalClock();
  long ts;

  @Test
  void theRoutineIsEachHoursMostFrequentActivityTheFirstByNameOnATie() {
    assertThat(patterns.routine()).isNull();
    read(MONDAY + 8 * HOUR, "work", "commute", "work", "commute"); // a tie: the first by name
    read(MONDAY + 9 * HOUR, "work", "social", "work");
    read(SATURDAY + 8 * HOUR, "sleep");
    assertThat(patterns.routine()).isEqualTo("{\"weekday\":" + day(8, "commute", 9, "work") + ",\"weekend\":" + day(8, "sleep") + "}");
    read(MONDAY + 7 * DAY + 8 * HOUR, "work"); // a week later, the same hour: work is ahead now
    assertThat(patterns.routine()).isEqualTo("{\"weekday\":" + day(8, "work", 9, "work") + ",\"weekend\":" + day(8, "sleep") + "}");
  }

  @Test
  void theRoutineKeptBetweenSnapshotsIsTheOneBuiltAfresh() {
    Random random = new Random(11);
    String[] activities = {"commute", "exercise", "sleep", "social", "work", "rest"};
    ts = MONDAY;
    for (int i = 0; i < 20_000; i++) {
      ts += 60_000L * (1 + random.nextInt(90));
      patterns.addReading(activities[random.nextInt(activities.length)], 0, ts, clock.at(ts, ZoneOffset.UTC));
      if (random.nextInt(5) == 0) {
        BehaviorPatterns fresh = new BehaviorPatterns(); // as after a restore: nothing kept but the counts
        fresh.weekdayHours = patterns.weekdayHours;
        fresh.weekendHours = patterns.weekendHours;
        assertThat(patterns.routine()).as("after reading %d", i).isEqualTo(fresh.routine());
      }
    }
  }

  @Test
  void theActivityMixNamesEachActivityOnceInOrderAsNewOnesAppear() {
    assertThat(patterns.activityMix()).isNull();
    read(MONDAY, "work", "work", "work");
    assertThat(patterns.activityMix()).isEqualTo("{\"work\":1.000}");
    read(MONDAY + HOUR, "commute", "sleep", "commute", "work");
    // work 1 + 1 + 1 minutes; then 5 for commute (the most a reading stands for after a gap), sleep 1,
    // commute 1, work 1: 11 minutes in all
    assertThat(patterns.activityMix()).isEqualTo("{\"commute\":0.545,\"sleep\":0.091,\"work\":0.364}");
    patterns.newDay(); // every activity fades to 0.9 of its minutes: 5.4, 0.9 and 3.6
    read(MONDAY + DAY, "exercise"); // a new name, 5 minutes after the gap
    assertThat(patterns.activityMix())
        .isEqualTo("{\"commute\":0.362,\"exercise\":0.336,\"sleep\":0.060,\"work\":0.242}");
  }

  /** Readings one minute apart from {@code start}, one per activity. */
  private void read(long start, String... activities) {
    for (int i = 0; i < activities.length; i++) {
      long at = start + i * 60_000L;
      patterns.addReading(activities[i], 0, at, clock.at(at, ZoneOffset.UTC));
      patterns.routine(); // a snapshot between readings
    }
  }

  /** A day's routine as JSON: the given hours' activities, null elsewhere. */
  private static String day(Object... hourThenActivity) {
    String[] usual = new String[24];
    for (int i = 0; i < hourThenActivity.length; i += 2) {
      usual[(Integer) hourThenActivity[i]] = (String) hourThenActivity[i + 1];
    }
    StringBuilder json = new StringBuilder("[");
    for (String activity : usual) {
      json.append(json.length() > 1 ? "," : "").append(activity == null ? "null" : "\"" + activity + "\"");
    }
    return json.append(']').toString();
  }
}
