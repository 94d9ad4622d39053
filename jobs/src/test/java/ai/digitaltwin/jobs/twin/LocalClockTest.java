package ai.digitaltwin.jobs.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class LocalClockTest {
  /** Around the spring and autumn transitions of 2026, including half-hour offsets and a half-hour shift. */
  static final String[] ZONES = {"Europe/Berlin", "America/St_Johns", "Asia/Kathmandu", "Australia/Lord_Howe", "UTC"};
  static final Instant[] AROUND = {
      Instant.parse("2026-03-28T00:00:00Z"), Instant.parse("2026-04-04T00:00:00Z"),
      Instant.parse("2026-10-03T00:00:00Z"), Instant.parse("2026-10-24T00:00:00Z"),
      Instant.parse("2026-10-31T00:00:00Z")};

  @Test
  void givesWhatTheZoneRulesGiveForEveryMinuteAcrossOffsetChanges() {
    for (String id : ZONES) {
      ZoneId zone = ZoneId.of(id);
      LocalClock clock = new LocalClock();
      for (Instant start : AROUND) {
        for (long ts = start.toEpochMilli(); ts < start.plusSeconds(3 * 86_400).toEpochMilli(); ts += 60_000) {
          ZonedDateTime local = Instant.ofEpochMilli(ts).atZone(zone);
          clock.at(ts, zone);
          assertThat(clock.epochDay()).as("%s at %d", id, ts).isEqualTo(local.toLocalDate().toEpochDay());
          assertThat(clock.hour()).as("%s at %d", id, ts).isEqualTo(local.getHour());
          assertThat(clock.weekend()).isEqualTo(local.getDayOfWeek().getValue() >= 6);
        }
      }
    }
  }

  @Test
  void followsAChangeOfZoneAndATimeBeforeTheCachedHour() {
    LocalClock clock = new LocalClock();
    long ts = Instant.parse("2026-03-02T23:30:00Z").toEpochMilli();
    assertThat(clock.at(ts, ZoneId.of("UTC")).epochDay()).isEqualTo(20514);
    assertThat(clock.at(ts, ZoneId.of("Europe/Berlin")).epochDay()).isEqualTo(20515); // 00:30 local
    assertThat(clock.at(ts - 3_600_000, ZoneId.of("Europe/Berlin")).hour()).isEqualTo(23);
  }
}
