package ai.digitaltwin.api.chat.understanding;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Local dates and times of one twin's zone, relative to one "now": the ground of the time parser. */
public record Calendar(Instant now, ZoneId zone) {
  static final Map<String, Integer> NUMBER_WORDS =
      Map.ofEntries(
          Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2),
          Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
          Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
          Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("fourteen", 14),
          Map.entry("thirty", 30), Map.entry("couple", 2), Map.entry("couple of", 2),
          Map.entry("few", 3), Map.entry("several", 3));

  LocalDate today() {
    return now.atZone(zone).toLocalDate();
  }

  /** The instant of a local time on a date; hour 24 is midnight at the end of the date. */
  Instant at(LocalDate date, int hour, int minute) {
    return date.atStartOfDay(zone).plusHours(hour).plusMinutes(minute).toInstant();
  }

  Instant startOf(LocalDate date) {
    return date.atStartOfDay(zone).toInstant();
  }

  ZonedDateTime local(Instant instant) {
    return instant.atZone(zone);
  }

  /** The most recent date on that weekday, today included unless {@code strictlyBefore}. */
  LocalDate lastWeekday(DayOfWeek day, boolean strictlyBefore) {
    LocalDate date = today();
    int back = (date.getDayOfWeek().getValue() - day.getValue() + 7) % 7;
    if (back == 0 && strictlyBefore) {
      back = 7;
    }
    return date.minusDays(back);
  }

  /** A month-day in the current year, or last year's when that would lie in the future. */
  LocalDate pastDate(int month, int day) {
    LocalDate date = LocalDate.of(today().getYear(), month, day);
    return date.isAfter(today()) ? date.minusYears(1) : date;
  }

  static Optional<Integer> number(String word) {
    if (word == null) {
      return Optional.empty();
    }
    String trimmed = word.trim();
    if (trimmed.chars().allMatch(Character::isDigit) && !trimmed.isEmpty()) {
      return Optional.of(Integer.parseInt(trimmed));
    }
    return Optional.ofNullable(NUMBER_WORDS.get(trimmed));
  }

  static String dayName(DayOfWeek day) {
    return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  static String dateLabel(LocalDate date) {
    return date.getDayOfMonth() + " " + date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }
}
