package ai.digitaltwin.api.http;

import ai.digitaltwin.api.error.ApiException;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A half-open time window {@code [from, to)} from the {@code from} and {@code to} parameters: {@code to}
 * defaults to now, {@code from} to {@code to} minus a default span; longer than {@code max} is a 400.
 */
public record Window(Instant from, Instant to) {
  /** The longest window a view of one twin's history (trends, personality, analytics, ...) may span. */
  public static final Duration MAX_TWIN_VIEW = Duration.ofDays(400);

  public static Window of(Context ctx, Clock clock, Duration defaultSpan, Duration max) {
    Instant to = Params.instant(ctx, "to");
    Instant from = Params.instant(ctx, "from");
    if (to == null) {
      to = from == null ? clock.instant() : from.plus(defaultSpan);
    }
    if (from == null) {
      from = to.minus(defaultSpan);
    }
    if (!from.isBefore(to)) {
      throw ApiException.badRequest("from must be before to", "from");
    }
    if (Duration.between(from, to).compareTo(max) > 0) {
      throw ApiException.badRequest("The window from..to may span at most " + max.toDays() + " days", "from");
    }
    return new Window(from, to);
  }

  /** As JDBC parameters for a TIMESTAMPTZ column. */
  public OffsetDateTime fromParam() {
    return from.atOffset(ZoneOffset.UTC);
  }

  public OffsetDateTime toParam() {
    return to.atOffset(ZoneOffset.UTC);
  }
}
