package ai.digitaltwin.importer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The checks every reading passes before it is sent, whatever its format: the value in the contract's
 * plausible range, the time after 2000-01-01 and not in the future (exports carry samples dated years
 * ahead). What fails is counted by reason, as the API would reject it.
 */
public final class Checks implements ReadingSink {
  static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final ReadingSink next;
  private final Instant latest;

  public Checks(ReadingSink next, Clock clock) {
    this.next = next;
    this.latest = clock.instant().plus(CLOCK_SKEW);
  }

  @Override
  public void accept(Reading r) {
    if (!r.metric().inRange(r.value())) {
      next.skip(r.metric().outOfRange());
    } else if (r.ts().isAfter(latest)) {
      next.skip("timestamp in the future");
    } else if (r.ts().isBefore(EARLIEST)) {
      next.skip("timestamp before 2000-01-01");
    } else {
      next.accept(r);
    }
  }

  @Override
  public void skip(String reason) {
    next.skip(reason);
  }
}
