package ai.digitaltwin.api.chat.voice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;

/** How values from query rows are written in replies: the figures exactly as the rows hold them. */
public final class Format {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_CLOCK =
      DateTimeFormatter.ofPattern("HH:mm 'on' d MMMM", Locale.ENGLISH);

  private Format() {}

  /** A number as the row holds it, without a trailing ".0": 72.0 → "72", 71.35 → "71.35". */
  public static String number(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      BigDecimal decimal = new BigDecimal(value.toString()).stripTrailingZeros();
      return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
    }
    return value.toString();
  }

  public static double toDouble(Object value) {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    throw new IllegalArgumentException("Not a number: " + value);
  }

  public static long toLong(Object value) {
    return value == null ? 0L : ((Number) value).longValue();
  }

  public static Instant instant(Object value) {
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof ZonedDateTime zdt) {
      return zdt.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    throw new IllegalArgumentException("Not a timestamp: " + value);
  }

  /** "14:05" when on the day of {@code now} in the zone, else "14:05 on 19 May". */
  public static String time(Object value, Instant now, ZoneId zone) {
    ZonedDateTime at = instant(value).atZone(zone);
    boolean sameDay = at.toLocalDate().equals(now.atZone(zone).toLocalDate());
    return (sameDay ? CLOCK : DAY_CLOCK).format((TemporalAccessor) at);
  }

  /** Fills {name} placeholders; a missing name is an error in the template data, not in the reply. */
  public static String fill(String template, Map<String, String> values) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        out.append(template, i, template.length());
        break;
      }
      int close = template.indexOf('}', open);
      String name = template.substring(open + 1, close);
      String value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("No value for {" + name + "} in template: " + template);
      }
      out.append(template, i, open).append(value);
      i = close + 1;
    }
    return out.toString();
  }

  public static String capitalise(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
