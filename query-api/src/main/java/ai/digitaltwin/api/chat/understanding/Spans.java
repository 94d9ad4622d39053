package ai.digitaltwin.api.chat.understanding;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spans of time longer than a day or not tied to one: "last 3 days", "this week", "in March". */
public final class Spans {
  private static final String NUM =
      "(\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|thirty|couple of|couple|few|several)";
  private static final Pattern ROLLING =
      Pattern.compile("\\b(the )?(last|past|previous|recent) (?:" + NUM + " )?(minute|hour|day|week|month|year)s?\\b");
  private static final Pattern THIS = Pattern.compile("\\b(this|current) (week|month|year)\\b");
  private static final Pattern WEEKEND = Pattern.compile("\\b(this|last|the) weekend\\b");
  private static final Pattern RECENTLY = Pattern.compile("\\b(recently|lately|these days|of late)\\b");
  private static final String MONTHS =
      "(january|february|march|april|may|june|july|august|september|october|november|december)";
  private static final Pattern MONTH_WITH_YEAR = Pattern.compile("\\b" + MONTHS + " (\\d{4})\\b");
  private static final Pattern MONTH_AFTER_WORD =
      Pattern.compile("\\b(?:in|during|for|throughout|over|of|since) " + MONTHS + "\\b");
  private static final Pattern BARE_MONTH =
      Pattern.compile("\\b(january|february|march|april|june|july|august|september|october|november|december)\\b");

  private Spans() {}

  static Optional<TimeRange> find(String text, Calendar calendar) {
    Matcher m = ROLLING.matcher(text);
    if (m.find()) {
      return Optional.of(rolling(m, calendar));
    }
    m = THIS.matcher(text);
    if (m.find()) {
      return current(m.group(2), calendar);
    }
    m = WEEKEND.matcher(text);
    if (m.find()) {
      LocalDate saturday = calendar.lastWeekday(DayOfWeek.SATURDAY, true);
      return Optional.of(
          TimeRange.of(calendar.startOf(saturday), calendar.startOf(saturday.plusDays(2)), "last weekend")
              .clippedTo(calendar.now()));
    }
    if (RECENTLY.matcher(text).find()) {
      return Optional.of(TimeRange.of(calendar.now().minus(Duration.ofDays(7)), calendar.now(), "recently"));
    }
    return month(text, calendar);
  }

  /** The calendar period of {@code unit} that contains now, up to now: today, this week, ... */
  public static Optional<TimeRange> current(String unit, Calendar calendar) {
    LocalDate today = calendar.today();
    LocalDate start =
        switch (unit) {
          case "day" -> today;
          case "week" -> today.minusDays(today.getDayOfWeek().getValue() - 1L);
          case "month" -> today.withDayOfMonth(1);
          case "year" -> today.withDayOfYear(1);
          default -> null;
        };
    if (start == null) {
      return Optional.empty();
    }
    String label = unit.equals("day") ? "today" : "this " + unit;
    Instant from = calendar.startOf(start);
    if (!from.isBefore(calendar.now())) {
      return Optional.empty();
    }
    return Optional.of(TimeRange.of(from, calendar.now(), label).withUnit(unit));
  }

  public static String lastLabel(Duration length) {
    long hours = length.toHours();
    if (hours >= 24 && hours % 24 == 0) {
      long days = hours / 24;
      return days == 1 ? "in the last day" : "in the last " + days + " days";
    }
    long minutes = length.toMinutes();
    if (minutes % 60 == 0) {
      return hours == 1 ? "in the last hour" : "in the last " + hours + " hours";
    }
    return "in the last " + minutes + " minutes";
  }

  private static TimeRange rolling(Matcher m, Calendar calendar) {
    boolean calendarPeriod = m.group(1) == null && m.group(2).equals("last") && m.group(3) == null;
    String unit = m.group(4);
    if (calendarPeriod && !unit.equals("minute") && !unit.equals("hour")) {
      return previous(unit, calendar);
    }
    int n = Calendar.number(m.group(3)).orElse(1);
    ChronoUnit chrono =
        switch (unit) {
          case "minute" -> ChronoUnit.MINUTES;
          case "hour" -> ChronoUnit.HOURS;
          case "day" -> ChronoUnit.DAYS;
          case "week" -> ChronoUnit.WEEKS;
          case "month" -> ChronoUnit.MONTHS;
          default -> ChronoUnit.YEARS;
        };
    Instant end = calendar.now();
    Instant start = calendar.local(end).minus(n, chrono).toInstant();
    String label = "in the last " + (n == 1 ? unit : n + " " + unit + "s");
    return TimeRange.of(start, end, label);
  }

  /** Last calendar day, week, month or year. */
  private static TimeRange previous(String unit, Calendar calendar) {
    LocalDate today = calendar.today();
    LocalDate start;
    LocalDate end;
    switch (unit) {
      case "day" -> { start = today.minusDays(1); end = today; }
      case "week" -> {
        end = today.minusDays(today.getDayOfWeek().getValue() - 1L);
        start = end.minusWeeks(1);
      }
      case "month" -> { end = today.withDayOfMonth(1); start = end.minusMonths(1); }
      default -> { end = today.withDayOfYear(1); start = end.minusYears(1); }
    }
    String label = unit.equals("day") ? "yesterday" : "last " + unit;
    return TimeRange.of(calendar.startOf(start), calendar.startOf(end), label).withUnit(unit);
  }

  private static Optional<TimeRange> month(String text, Calendar calendar) {
    Integer year = null;
    String name = null;
    Matcher m = MONTH_WITH_YEAR.matcher(text);
    if (m.find()) {
      name = m.group(1);
      year = Integer.parseInt(m.group(2));
    } else if ((m = MONTH_AFTER_WORD.matcher(text)).find() || (m = BARE_MONTH.matcher(text)).find()) {
      name = m.group(1);
    }
    if (name == null) {
      return Optional.empty();
    }
    Month month = Month.valueOf(name.toUpperCase(Locale.ROOT));
    LocalDate today = calendar.today();
    int y = year != null ? year : (month.getValue() <= today.getMonthValue() ? today.getYear() : today.getYear() - 1);
    LocalDate first = LocalDate.of(y, month, 1);
    if (!calendar.startOf(first).isBefore(calendar.now())) {
      return Optional.empty();
    }
    String label = "in " + month.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + (year != null ? " " + y : "");
    return Optional.of(
        TimeRange.of(calendar.startOf(first), calendar.startOf(first.plusMonths(1)), label)
            .clippedTo(calendar.now()));
  }
}
