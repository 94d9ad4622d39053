package ai.digitaltwin.api.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Epoch microseconds written as {@link Instant#toString()} writes them ({@code 2026-11-23T11:15:48.120Z}),
 * without building an {@code Instant} and running {@code DateTimeFormatter} for each value: an export of
 * one twin's day writes 1,440 of them. The date part is kept while consecutive values fall on the same
 * day, as rows ordered by time do. Instants before 1970 or after 9999 go through {@code Instant}.
 */
final class IsoInstant {
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  /** 10000-01-01T00:00:00Z: from here on the year takes five digits and a sign. */
  private static final long END_MICROS = 253_402_300_800_000_000L;

  private final char[] text = new char[40]; // yyyy-MM-ddTHH:mm:ss.SSSSSSZ, or DuckDB's widest years
  private long day = -1;

  /** The text of {@code micros}, in {@link #chars()} from 0 to the returned length. */
  int format(long micros) {
    if (micros < 0 || micros >= END_MICROS) {
      String slow = Instant.EPOCH.plus(micros, ChronoUnit.MICROS).toString();
      slow.getChars(0, slow.length(), text, 0);
      day = -1; // the date part was overwritten
      return slow.length();
    }
    long epochDay = micros / MICROS_PER_DAY;
    if (epochDay != day) {
      LocalDate date = LocalDate.ofEpochDay(epochDay);
      digits(date.getYear(), 0, 4);
      text[4] = '-';
      digits(date.getMonthValue(), 5, 2);
      text[7] = '-';
      digits(date.getDayOfMonth(), 8, 2);
      text[10] = 'T';
      day = epochDay;
    }
    long ofDay = micros - epochDay * MICROS_PER_DAY;
    int seconds = (int) (ofDay / 1_000_000);
    int fraction = (int) (ofDay - seconds * 1_000_000L);
    digits(seconds / 3600, 11, 2);
    text[13] = ':';
    digits(seconds / 60 % 60, 14, 2);
    text[16] = ':';
    digits(seconds % 60, 17, 2);
    int end = 19;
    if (fraction != 0) { // as ISO_INSTANT: milliseconds when they say it all, else microseconds
      text[19] = '.';
      if (fraction % 1000 == 0) {
        digits(fraction / 1000, 20, 3);
        end = 23;
      } else {
        digits(fraction, 20, 6);
        end = 26;
      }
    }
    text[end] = 'Z';
    return end + 1;
  }

  char[] chars() {
    return text;
  }

  private void digits(int value, int at, int width) {
    Digits.fixed(text, value, at, width);
  }
}
