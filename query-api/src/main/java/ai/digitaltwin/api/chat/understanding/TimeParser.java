package ai.digitaltwin.api.chat.understanding;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the time a (normalised) message is about, relative to "now" in the twin's zone: a moment
 * ("at 3 pm yesterday"), a part of a day ("this morning", "last night"), a day, a span ("last 3 days",
 * "this week", "in March"), "now", or a comparison of two of them ("this week vs last week").
 */
public final class TimeParser {
  private static final Pattern BETWEEN = Pattern.compile("\\bbetween (.+?) and (.+)$");
  private static final Pattern COMPARE =
      Pattern.compile("\\bcompar\\w* (.+?) (?:with|to|and|against|vs|versus) (.+)$");
  private static final Pattern VERSUS =
      Pattern.compile("^(.*?)\\b(?:vs|versus|compared? to|compared? with|against|than|relative to)\\b(.+)$");
  private static final Pattern NOW =
      Pattern.compile("\\b(now|currently|current|at the moment|at present|presently|latest|these minutes)\\b");
  private static final Pattern LAST_NIGHT = Pattern.compile("\\b(last night|overnight)\\b");
  private static final Pattern AT_NIGHT = Pattern.compile("\\b(?:at |during the |in the )?night\\b");
  private static final Pattern TONIGHT = Pattern.compile("\\btonight\\b");
  private static final Pattern PART =
      Pattern.compile("\\b(morning|afternoon|evening|lunchtime|lunch time)\\b");

  private TimeParser() {}

  static Timeframe parse(String text, Instant now, ZoneId zone) {
    Calendar calendar = new Calendar(now, zone);
    Optional<Timeframe> comparison = comparison(text, calendar);
    if (comparison.isPresent()) {
      return comparison.get();
    }
    Optional<TimeRange> range = range(text, calendar);
    if (range.isPresent()) {
      return new Timeframe(range.get(), null, false);
    }
    return NOW.matcher(text).find() ? Timeframe.NOW : Timeframe.NONE;
  }

  private static Optional<Timeframe> comparison(String text, Calendar calendar) {
    for (Pattern pattern : new Pattern[] {BETWEEN, COMPARE, VERSUS}) {
      Matcher m = pattern.matcher(text);
      if (!m.find()) {
        continue;
      }
      Optional<TimeRange> right = range(m.group(2), calendar);
      if (right.isEmpty()) {
        continue;
      }
      Optional<TimeRange> left = range(m.group(1), calendar);
      TimeRange first = left.orElseGet(() -> counterpart(right.get(), calendar));
      return Optional.of(new Timeframe(first, right.get(), false));
    }
    return Optional.empty();
  }

  /** The current period matching {@code other}: "last week" → "this week", else as long, up to now. */
  static TimeRange counterpart(TimeRange other, Calendar calendar) {
    if (other.unit() != null) {
      Optional<TimeRange> current = Spans.current(other.unit(), calendar);
      if (current.isPresent() && !current.get().start().equals(other.start())) {
        return current.get();
      }
    }
    Duration length = other.length();
    Instant end = calendar.now();
    Instant start = end.minus(length);
    if (start.isBefore(other.end())) {
      start = other.end();
    }
    if (!start.isBefore(end)) {
      start = end.minus(length);
    }
    return TimeRange.of(start, end, Spans.lastLabel(Duration.between(start, end)));
  }

  public static Optional<TimeRange> range(String text, Calendar calendar) {
    Optional<DayReference> day = DayReference.find(text, calendar);
    LocalDate today = calendar.today();
    Optional<int[]> clock = Clock.find(text);
    if (clock.isPresent()) {
      return Optional.of(moment(clock.get(), day, calendar));
    }
    if (LAST_NIGHT.matcher(text).find()) {
      return Optional.of(night(today.minusDays(1), "last night", calendar));
    }
    if (TONIGHT.matcher(text).find()) {
      return Optional.of(night(today, "tonight", calendar));
    }
    Matcher part = PART.matcher(text);
    if (part.find()) {
      return Optional.of(partOfDay(part.group(1), day, calendar));
    }
    if (day.isPresent() && AT_NIGHT.matcher(text).find()) {
      return Optional.of(night(day.get().date(), day.get().label() + " at night", calendar));
    }
    if (day.isPresent()) {
      LocalDate date = day.get().date();
      return Optional.of(
          TimeRange.of(calendar.startOf(date), calendar.startOf(date.plusDays(1)), day.get().label())
              .withUnit("day")
              .clippedTo(calendar.now()));
    }
    return Spans.find(text, calendar);
  }

  private static TimeRange moment(int[] hourMinute, Optional<DayReference> day, Calendar calendar) {
    LocalDate date = day.map(DayReference::date).orElse(calendar.today());
    Instant at = calendar.at(date, hourMinute[0], hourMinute[1]);
    String dayLabel = day.map(DayReference::label).orElse("today");
    if (day.isEmpty() && at.isAfter(calendar.now())) {
      date = date.minusDays(1);
      at = calendar.at(date, hourMinute[0], hourMinute[1]);
      dayLabel = "yesterday";
    }
    return TimeRange.around(at, "at " + String.format("%02d:%02d", hourMinute[0], hourMinute[1]) + " " + dayLabel);
  }

  /** From 20:00 on {@code evening} to 10:00 the next morning: wide enough for a whole night's sleep. */
  private static TimeRange night(LocalDate evening, String label, Calendar calendar) {
    return TimeRange.of(calendar.at(evening, 20, 0), calendar.at(evening, 34, 0), label)
        .clippedTo(calendar.now());
  }

  private static TimeRange partOfDay(String part, Optional<DayReference> day, Calendar calendar) {
    int from;
    int to;
    switch (part) {
      case "morning" -> { from = 6; to = 12; }
      case "afternoon" -> { from = 12; to = 18; }
      case "evening" -> { from = 18; to = 24; }
      default -> { from = 11; to = 14; part = "lunchtime"; }
    }
    LocalDate date = day.map(DayReference::date).orElse(calendar.today());
    String label = day.map(d -> d.label().equals("today") ? "this " : d.label() + " ").orElse("this ");
    if (day.isEmpty() && !calendar.at(date, from, 0).isBefore(calendar.now())) {
      date = date.minusDays(1);
      label = "yesterday ";
    }
    return TimeRange.of(calendar.at(date, from, 0), calendar.at(date, to, 0), label + part)
        .clippedTo(calendar.now());
  }
}
