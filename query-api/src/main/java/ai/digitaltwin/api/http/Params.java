package ai.digitaltwin.api.http;

import ai.digitaltwin.api.error.ApiException;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** Query parameters with exact 400s: the parameter is named in {@code field}. */
public final class Params {
  private Params() {}

  public static int integer(Context ctx, String name, int defaultValue, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isEmpty()) {
      return defaultValue;
    }
    int value;
    try {
      value = Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be an integer, got '" + raw + "'", name);
    }
    if (value < min || value > max) {
      throw ApiException.badRequest(name + " must be in " + min + ".." + max + ", got " + value, name);
    }
    return value;
  }

  /** An instant given as ISO-8601 ({@code 2026-03-02T08:00:00Z}, with offset, or a date), or null. */
  public static Instant instant(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    return parseInstant(raw, name);
  }

  public static Instant parseInstant(String raw, String name) {
    try {
      return Instant.parse(raw);
    } catch (DateTimeParseException e) {
      // try the other shapes below
    }
    try {
      return OffsetDateTime.parse(raw).toInstant();
    } catch (DateTimeParseException e) {
      // try a date
    }
    try {
      return LocalDate.parse(raw).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          name + " must be an ISO-8601 time like 2026-03-02T08:00:00Z, got '" + raw + "'", name);
    }
  }

  /** One of {@code allowed}, or the default when absent. */
  public static String oneOf(Context ctx, String name, String defaultValue, Set<String> allowed) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isEmpty()) {
      return defaultValue;
    }
    if (!allowed.contains(raw)) {
      throw ApiException.badRequest(
          name + " must be one of " + String.join(", ", new java.util.TreeSet<>(allowed)) + ", got '" + raw + "'",
          name);
    }
    return raw;
  }
}
