package ai.digitaltwin.importer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Timestamps written without a zone (the Stanford and Welltory files, Fitbit's JSON) placed in the zone
 * of the import ({@code --timezone}); in a daylight-saving gap or overlap the earlier offset is used.
 */
public final class LocalTimes {
  public static final DateTimeFormatter ISO_SPACE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private LocalTimes() {}

  /** {@code yyyy-MM-dd HH:mm:ss} (or with a {@code T}) in {@code zone}; null when it does not parse. */
  public static Instant parse(String text, ZoneId zone) {
    try {
      String t = text.trim();
      LocalDateTime local = t.length() > 10 && t.charAt(10) == 'T'
          ? LocalDateTime.parse(t)
          : LocalDateTime.parse(t, ISO_SPACE);
      return local.atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
