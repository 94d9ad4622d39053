package ai.digitaltwin.api.chat.understanding;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A time of day in a message: "3 pm", "3:30pm", "15:00", "noon", "midnight". */
final class Clock {
  private static final Pattern TWELVE_HOUR =
      Pattern.compile("\\b(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm|a\\.m|p\\.m)\\b");
  private static final Pattern TWENTY_FOUR = Pattern.compile("\\b(\\d{1,2}):(\\d{2})\\b");
  private static final Pattern O_CLOCK = Pattern.compile("\\b(\\d{1,2}) o'?clock\\b");
  private static final Pattern NOON = Pattern.compile("\\b(noon|midday)\\b");
  private static final Pattern MIDNIGHT = Pattern.compile("\\bmidnight\\b");

  private Clock() {}

  /** {hour, minute} in 24-hour time, if the text names a time of day. */
  static Optional<int[]> find(String text) {
    Matcher m = TWELVE_HOUR.matcher(text);
    if (m.find()) {
      int hour = Integer.parseInt(m.group(1));
      int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      if (hour < 1 || hour > 12 || minute > 59) {
        return Optional.empty();
      }
      boolean pm = m.group(3).startsWith("p");
      return Optional.of(new int[] {hour % 12 + (pm ? 12 : 0), minute});
    }
    m = TWENTY_FOUR.matcher(text);
    if (m.find()) {
      int hour = Integer.parseInt(m.group(1));
      int minute = Integer.parseInt(m.group(2));
      return hour < 24 && minute < 60 ? Optional.of(new int[] {hour, minute}) : Optional.empty();
    }
    m = O_CLOCK.matcher(text);
    if (m.find()) {
      int hour = Integer.parseInt(m.group(1));
      return hour <= 24 ? Optional.of(new int[] {hour % 24, 0}) : Optional.empty();
    }
    if (NOON.matcher(text).find()) {
      return Optional.of(new int[] {12, 0});
    }
    if (MIDNIGHT.matcher(text).find()) {
      return Optional.of(new int[] {0, 0});
    }
    return Optional.empty();
  }
}
