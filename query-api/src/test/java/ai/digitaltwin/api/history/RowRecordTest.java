package ai.digitaltwin.api.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowRecordTest {
  record Scores(Double moodScore, Double chatSentiment) {}

  record Day(String twinId, Long stepsToday, Integer age, Boolean open, List<String> interests, Scores scores,
      @NotAColumn String lastEvent) {}

  record Misnamed(String twinIdentifier) {}

  record Unreadable(java.time.Instant ts) {}

  private static Row row(List<String> columns, Object... values) {
    return new Row(new QueryResult(columns, List.of(Arrays.asList(values))), 0);
  }

  @Test
  void eachComponentIsReadFromTheColumnOfItsSnakeCaseNameByTheReaderOfItsType() {
    Row row = row(List.of("twin_id", "steps_today", "age", "open", "interests", "mood_score", "chat_sentiment"),
        "ada", 8_123L, 36, true, List.of("chess", "jazz"), 0.4, null);

    Day day = row.as(Day.class);

    assertThat(day).isEqualTo(new Day("ada", 8_123L, 36, true, List.of("chess", "jazz"), new Scores(0.4, null), null));
  }

  @Test
  void aMissingColumnOrAValueOfAnotherTypeFailsLoudly() {
    assertThatThrownBy(() -> row(List.of("twin_id"), "ada").as(Misnamed.class))
        .hasMessage("No column twin_identifier for Misnamed.twinIdentifier");
    assertThatThrownBy(() -> row(List.of("mood_score", "chat_sentiment"), 1L, 0.5).as(Scores.class))
        .isInstanceOf(ClassCastException.class);
    assertThatThrownBy(() -> row(List.of("ts"), "2026-01-01T00:00:00Z").as(Unreadable.class))
        .hasMessageContaining("Unreadable.ts is a class java.time.Instant");
  }
}
