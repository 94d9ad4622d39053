package ai.digitaltwin.api.chat.answering;

import ai.digitaltwin.api.chat.understanding.TimeRange;
import ai.digitaltwin.api.chat.voice.Format;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How much of a period the data covers, said honestly: a day whose readings begin mid-afternoon is part
 * of a day, and a handful of rows is not a pattern (a twin created a minute ago has one state).
 */
final class Coverage {
  /** Data starting this long after the period's start makes the period partial. */
  static final Duration LATE_START = Duration.ofHours(1);
  /** Fewer rows than this are called few. */
  static final long FEW = 6;

  private Coverage() {}

  /** The sentence saying that {@code range} is covered only from {@code first} on, if it is. */
  static Optional<String> partial(Context ctx, TimeRange range, Object first) {
    if (first == null || range.moment() != null) {
      return Optional.empty();
    }
    Instant from = Format.instant(first);
    if (!from.isAfter(range.start().plus(LATE_START))) {
      return Optional.empty();
    }
    return Optional.of(ctx.phrases().get("coverage.partial", Context.range(range, "time", ctx.time(first))));
  }

  /** The sentence saying that {@code n} rows are too few to go by, if they are. */
  static Optional<String> few(Context ctx, long n, String what) {
    if (n >= FEW) {
      return Optional.empty();
    }
    return Optional.of(ctx.phrases().get("coverage.few", Context.values("count", count(ctx, n, what))));
  }

  /** "1 reading", "42 readings": the unit's words come from the phrases ({@code unit.reading.one}, ...). */
  static String count(Context ctx, long n, String unit) {
    return Format.fill(ctx.phrases().get("unit." + unit + (n == 1 ? ".one" : ".many")), Context.values("n", Long.toString(n)));
  }
}
