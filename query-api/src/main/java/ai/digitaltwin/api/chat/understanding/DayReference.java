package ai.digitaltwin.api.chat.understanding;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A named day in a message: "today", "yesterday", "3 days ago", "on Monday", "March 3rd". */
record DayReference(LocalDate date, String label) {
  private static final String NUM = "(\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)";
  private static final String MONTHS =
      "(january|february|march|april|may|june|july|august|september|october|november|december)";
  private static final String WEEKDAYS = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
  private static final Pattern DAY_BEFORE = Pattern.compile("\\bday before yesterday\\b");
  private static final Pattern YESTERDAY = Pattern.compile("\\byesterday\\b");
  private static final Pattern TODAY = Pattern.compile("\\b(today|tonight)\\b");
  private static final Pattern DAYS_AGO = Pattern.compile("\\b" + NUM + " days? ago\\b");
  private static final Pattern WEEKDAY = Pattern.compile("\\b(last |this |on |past )?" + WEEKDAYS + "s?\\b");
  private static final Pattern DAY_MONTH =
      Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?" + MONTHS + "\\b");
  private static final Pattern MONTH_DAY =
      Pattern.compile("\\b" + MONTHS + " (\\d{1,2})(?:st|nd|rd|th)?\\b(?!:)");
  private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

  static Optional<DayReference> find(String text, Calendar calendar) {
    LocalDate today = calendar.today();
    if (DAY_BEFORE.matcher(text).find()) {
      return Optional.of(new DayReference(today.minusDays(2), "the day before yesterday"));
    }
    if (YESTERDAY.matcher(text).find()) {
      return Optional.of(new DayReference(today.minusDays(1), "yesterday"));
    }
    Matcher m = DAYS_AGO.matcher(text);
    if (m.find()) {
      int days = Calendar.number(m.group(1)).orElse(1);
      String label = days == 1 ? "a day ago" : days + " days ago";
      return Optional.of(new DayReference(today.minusDays(days), label));
    }
    if (TODAY.matcher(text).find()) {
      return Optional.of(new DayReference(today, "today"));
    }
    m = ISO.matcher(text);
    if (m.find()) {
      LocalDate date =
          LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      return Optional.of(new DayReference(date, "on " + Calendar.dateLabel(date)));
    }
    Optional<DayReference> dated = monthDay(text, calendar);
    if (dated.isPresent()) {
      return dated;
    }
    m = WEEKDAY.matcher(text);
    if (m.find()) {
      DayOfWeek day = DayOfWeek.valueOf(m.group(2).toUpperCase(Locale.ROOT));
      boolean last = m.group(1) != null && (m.group(1).startsWith("last") || m.group(1).startsWith("past"));
      LocalDate date = calendar.lastWeekday(day, last);
      String label = date.equals(today) ? "today" : (last ? "last " : "on ") + Calendar.dayName(day);
      return Optional.of(new DayReference(date, label));
    }
    return Optional.empty();
  }

  private static Optional<DayReference> monthDay(String text, Calendar calendar) {
    Matcher m = DAY_MONTH.matcher(text);
    int day;
    Month month;
    if (m.find()) {
      day = Integer.parseInt(m.group(1));
      month = Month.valueOf(m.group(2).toUpperCase(Locale.ROOT));
    } else {
      m = MONTH_DAY.matcher(text);
      if (!m.find()) {
        return Optional.empty();
      }
      month = Month.valueOf(m.group(1).toUpperCase(Locale.ROOT));
      day = Integer.parseInt(m.group(2));
    }
    if (day < 1 || day > month.maxLength()) {
      return Optional.empty();
    }
    if (month == Month.FEBRUARY && day == 29) {
      day = 28;
    }
    LocalDate date = calendar.pastDate(month.getValue(), day);
    return Optional.of(new DayReference(date, "on " + Calendar.dateLabel(date)));
  }
}
