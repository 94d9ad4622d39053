package ai.digitaltwin.api.chat.understanding;

import java.time.Duration;
import java.time.Instant;

/**
 * A half-open interval [start, end) of event time and the words that name it in a reply.
 *
 * @param label how a reply names it: "yesterday", "in the last 3 days", "at 15:00 yesterday"
 * @param moment the instant asked about when the question names a time of day ("at 3 pm"), else null;
 *     the range is then a window around it
 * @param unit the calendar unit for "this"/"last" ranges ("day", "week", "month", "year"), else null;
 *     used to find the matching other period of a comparison
 */
public record TimeRange(Instant start, Instant end, String label, Instant moment, String unit) {
  static final Duration MOMENT_WINDOW = Duration.ofMinutes(30);

  public TimeRange {
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("Empty time range " + start + " .. " + end + " (" + label + ")");
    }
  }

  public static TimeRange of(Instant start, Instant end, String label) {
    return new TimeRange(start, end, label, null, null);
  }

  static TimeRange around(Instant moment, String label) {
    return new TimeRange(
        moment.minus(MOMENT_WINDOW), moment.plus(MOMENT_WINDOW), label, moment, null);
  }

  TimeRange withUnit(String newUnit) {
    return new TimeRange(start, end, label, moment, newUnit);
  }

  public Duration length() {
    return Duration.between(start, end);
  }

  /** The same range cut at {@code now}, so "today" ends now; unchanged if it already ends before. */
  TimeRange clippedTo(Instant now) {
    if (!end.isAfter(now) || !start.isBefore(now)) {
      return this;
    }
    return new TimeRange(start, now, label, moment, unit);
  }
}
