package ai.digitaltwin.importer.apple;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Apple Health's date attributes: {@code 2020-01-01 08:00:00 -0800} in current exports, the compact
 * {@code 20141018163235+0100} in early ones. Both carry the offset, so no zone is needed.
 */
final class AppleDates {
  static final DateTimeFormatter CURRENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");
  static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");

  private AppleDates() {}

  /** The instant, or null when the text is neither form. */
  static Instant parse(String text) {
    if (text == null) {
      return null;
    }
    Instant fast = current(text);
    if (fast != null) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(text, text.length() > 20 ? CURRENT : COMPACT).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The current form read by position, digits only: a formatter's general parse was most of the
   * importer's time per record on a multi-GB export. Null for anything else (the formatter decides).
   */
  static Instant current(String t) {
    if (t.length() != 25 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != ' ' || t.charAt(13) != ':'
        || t.charAt(16) != ':' || t.charAt(19) != ' ' || (t.charAt(20) != '+' && t.charAt(20) != '-')) {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = digits(t, 17, 2);
    int offH = digits(t, 21, 2);
    int offM = digits(t, 23, 2);
    if ((year | month | day | hour | minute | second | offH | offM) < 0) {
      return null;
    }
    try {
      int offset = (t.charAt(20) == '-' ? -1 : 1) * (offH * 3600 + offM * 60);
      return Instant.ofEpochSecond(
          LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.ofTotalSeconds(offset)));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The number in {@code t[from, from+n)}, or -1 when a character is not a digit. */
  private static int digits(String t, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
