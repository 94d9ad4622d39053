package ai.digitaltwin.importer.apple;

import java.time.Instant;
import java.time.OffsetDateTime;
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
    try {
      return OffsetDateTime.parse(text, text.length() > 20 ? CURRENT : COMPACT).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
