package ai.digitaltwin.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.digitaltwin.api.error.ApiException;
import ai.digitaltwin.schemas.HealthEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadingCheckTest {
  private static final Instant LATEST = Instant.parse("2026-12-07T00:00:00Z");

  private static HealthEvent event(String id, String ts) {
    Map<String, String> row = new HashMap<>();
    row.put("event_id", id);
    row.put("ts", ts);
    row.put("heart_rate", "61");
    return ReadingCheck.event("twin-a", row, "import", LATEST);
  }

  @Test
  void epochMillisecondsAndIsoTimesGiveTheSameInstant() {
    Instant at = Instant.parse("2025-03-02T08:00:05.250Z");
    assertThat(event("a", String.valueOf(at.toEpochMilli())).getTs()).isEqualTo(at);
    assertThat(event("a", "2025-03-02T08:00:05.250Z").getTs()).isEqualTo(at);
    assertThat(event("a", "2025-03-02T09:00:05.250+01:00").getTs()).isEqualTo(at);
    // nine digits are not milliseconds since 1970 (they would be 1970): an ISO time is expected
    assertThatThrownBy(() -> event("a", "123456789")).isInstanceOf(ApiException.class).hasMessageContaining("ISO-8601");
    assertThatThrownBy(() -> event("a", "17408988052500")).isInstanceOf(ApiException.class).hasMessageContaining("ISO-8601");
    assertThatThrownBy(() -> event("a", "174089880525x")).isInstanceOf(ApiException.class).hasMessageContaining("ISO-8601");
  }

  @Test
  void eventIdsAreLettersDigitsDashesAndUnderscoresOnly() {
    String ts = "2025-03-02T08:00:00Z";
    assertThat(event("A-z_09", ts).getEventId()).isEqualTo("A-z_09");
    assertThat(event("x".repeat(64), ts).getEventId()).hasSize(64);
    // an id is written into SQL as a literal by the duplicate check: a quote must never pass
    for (String bad : new String[] {"", "x".repeat(65), "a'b", "a b", "a;b", "é", "a\u0000"}) {
      assertThatThrownBy(() -> event(bad, ts)).as(bad).isInstanceOf(ApiException.class).hasMessageContaining("event_id must be");
    }
  }

  @Test
  void everyVitalOfTheSchemaIsTakenByNameAndCheckedAgainstItsRange() {
    Map<String, String> row = new HashMap<>();
    row.put("ts", "2025-03-02T08:00:00Z");
    row.put("steps", "1200");
    row.put("spo2", "97.5");
    row.put("stress", "0.25");

    HealthEvent event = ReadingCheck.event("twin-a", row, "import", LATEST);

    assertThat(event.getSteps()).isEqualTo(1200);
    assertThat(event.getSpo2()).isEqualTo(97.5);
    assertThat(event.getStress()).isEqualTo(0.25);
    assertThat(event.getHeartRate()).isNull();
    assertThat(event.getSource()).isEqualTo("import");
    row.put("heart_rate", "300");
    assertThatThrownBy(() -> ReadingCheck.event("twin-a", row, "import", LATEST))
        .hasMessage("heart_rate must be in 20..250, got 300");
    row.put("heart_rate", "60");
    row.put("steps", "12.5");
    assertThatThrownBy(() -> ReadingCheck.event("twin-a", row, "import", LATEST))
        .hasMessage("steps must be an integer, got '12.5'");
    row.put("steps", "1");
    row.put("glucose", "5.1");
    assertThatThrownBy(() -> ReadingCheck.event("twin-a", row, "import", LATEST)).hasMessage("Unknown field: glucose");
  }
}
