package ai.digitaltwin.api.chat.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Time expressions relative to a fixed now (Wednesday 20 May 2026, 16:00 in Berlin, 14:00 UTC). */
class TimeParserTest {
  private static final Instant NOW = Instant.parse("2026-05-20T14:00:00Z");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static Timeframe parse(String text) {
    return TimeParser.parse(text, NOW, BERLIN);
  }

  private static Instant berlin(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }

  private static void assertRange(String text, String start, String end, String label) {
    TimeRange range = parse(text).range();
    assertThat(range).as(text).isNotNull();
    assertThat(range.start()).as(text).isEqualTo(berlin(start));
    assertThat(range.end()).as(text).isEqualTo(end.equals("now") ? NOW : berlin(end));
    assertThat(range.label()).as(text).isEqualTo(label);
  }

  @Test
  void daysInTheTwinsZone() {
    assertRange("yesterday", "2026-05-19T00:00", "2026-05-20T00:00", "yesterday");
    assertRange("today", "2026-05-20T00:00", "now", "today");
    assertRange("the day before yesterday", "2026-05-18T00:00", "2026-05-19T00:00", "the day before yesterday");
    assertRange("3 days ago", "2026-05-17T00:00", "2026-05-18T00:00", "3 days ago");
    assertRange("on monday", "2026-05-18T00:00", "2026-05-19T00:00", "on Monday");
    assertRange("last wednesday", "2026-05-13T00:00", "2026-05-14T00:00", "last Wednesday");
    assertRange("on march 3rd", "2026-03-03T00:00", "2026-03-04T00:00", "on 3 March");
    assertRange("on 25 december", "2025-12-25T00:00", "2025-12-26T00:00", "on 25 December");
  }

  @Test
  void spans() {
    assertRange("over the last 3 days", "2026-05-17T16:00", "now", "in the last 3 days");
    assertRange("in the past two weeks", "2026-05-06T16:00", "now", "in the last 2 weeks");
    assertRange("last few days", "2026-05-17T16:00", "now", "in the last 3 days");
    assertRange("this week", "2026-05-18T00:00", "now", "this week");
    assertRange("last week", "2026-05-11T00:00", "2026-05-18T00:00", "last week");
    assertRange("this month", "2026-05-01T00:00", "now", "this month");
    assertRange("last month", "2026-04-01T00:00", "2026-05-01T00:00", "last month");
    assertRange("in march", "2026-03-01T00:00", "2026-04-01T00:00", "in March");
    assertRange("in june", "2025-06-01T00:00", "2025-07-01T00:00", "in June");
    assertRange("recently", "2026-05-13T16:00", "now", "recently");
  }

  @Test
  void momentsAndPartsOfTheDay() {
    Timeframe threePm = parse("what was my pulse at 3 pm");
    assertThat(threePm.moment()).isTrue();
    assertThat(threePm.range().moment()).isEqualTo(berlin("2026-05-20T15:00"));
    assertThat(threePm.range().label()).isEqualTo("at 15:00 today");
    assertThat(parse("at 5pm").range().moment()).as("later today means yesterday").isEqualTo(berlin("2026-05-19T17:00"));
    assertThat(parse("yesterday at 9:30 am").range().moment()).isEqualTo(berlin("2026-05-19T09:30"));
    assertThat(parse("at 15:30 on monday").range().moment()).isEqualTo(berlin("2026-05-18T15:30"));
    assertThat(parse("at noon").range().moment()).isEqualTo(berlin("2026-05-20T12:00"));
    assertRange("last night", "2026-05-19T20:00", "2026-05-20T10:00", "last night");
    assertRange("this morning", "2026-05-20T06:00", "2026-05-20T12:00", "this morning");
    assertRange("yesterday evening", "2026-05-19T18:00", "2026-05-20T00:00", "yesterday evening");
    assertRange("this evening", "2026-05-19T18:00", "2026-05-20T00:00", "yesterday evening");
  }

  @Test
  void comparisons() {
    Timeframe weeks = parse("this week vs last week");
    assertThat(weeks.comparison()).isTrue();
    assertThat(weeks.range().label()).isEqualTo("this week");
    assertThat(weeks.other().label()).isEqualTo("last week");
    Timeframe implied = parse("is my pulse higher than last week");
    assertThat(implied.range().label()).isEqualTo("this week");
    assertThat(implied.other().label()).isEqualTo("last week");
    Timeframe days = parse("how does today compare with yesterday");
    assertThat(days.range().label()).isEqualTo("today");
    assertThat(days.other().label()).isEqualTo("yesterday");
    Timeframe months = parse("compare march and april");
    assertThat(months.range().label()).isEqualTo("in March");
    assertThat(months.other().label()).isEqualTo("in April");
  }

  @Test
  void nowAndNothing() {
    assertThat(parse("what is my heart rate right now")).isEqualTo(Timeframe.NOW);
    assertThat(parse("how is my heart rate")).isEqualTo(Timeframe.NONE);
    assertThat(parse("what's two plus two")).isEqualTo(Timeframe.NONE);
    assertThat(parse("may i ask something")).isEqualTo(Timeframe.NONE);
  }
}
