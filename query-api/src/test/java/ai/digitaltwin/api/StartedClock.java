package ai.digitaltwin.api;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that reads a fixed instant when created and then advances with real elapsed time: dates in
 * tests stay fixed ("yesterday" is always the same day) while events still get distinct, ordered times.
 */
final class StartedClock extends Clock {
  private final Instant start;
  private final long startNanos;

  StartedClock(Instant start) {
    this.start = start;
    this.startNanos = System.nanoTime();
  }

  @Override
  public Instant instant() {
    return start.plusNanos(System.nanoTime() - startNanos);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("UTC only");
  }
}
