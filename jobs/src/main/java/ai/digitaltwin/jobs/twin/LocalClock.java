package ai.digitaltwin.jobs.twin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/**
 * Local day, hour and weekday of event times in one zone, worked out once per local hour instead of once
 * per input: inputs of a twin come in time order, so most fall into the hour of the one before. The
 * cached span runs from the instant worked out to the next local hour at its offset, or to the zone's
 * next offset change if that comes first: every instant in it has the same local date and hour.
 */
final class LocalClock {
  private static final long HOUR_MILLIS = 3_600_000;

  private ZoneId zone;
  /** The span {@code [from, until)} the fields below hold for; empty at first. */
  private long from = Long.MAX_VALUE;
  private long until = Long.MIN_VALUE;
  private long epochDay;
  private int hour;
  private boolean weekend;

  /** Sets the clock to {@code ts} in {@code zone}; cheap when it stays in the same local hour. */
  LocalClock at(long ts, ZoneId zone) {
    if (ts >= from && ts < until && zone.equals(this.zone)) {
      return this;
    }
    ZonedDateTime local = Instant.ofEpochMilli(ts).atZone(zone);
    this.zone = zone;
    epochDay = local.toLocalDate().toEpochDay();
    hour = local.getHour();
    weekend = local.getDayOfWeek().getValue() >= 6;
    // until the next local hour at this offset, or the zone's next offset change if that comes first
    long intoHour = (local.getMinute() * 60L + local.getSecond()) * 1000 + local.getNano() / 1_000_000;
    from = ts;
    until = ts - intoHour + HOUR_MILLIS;
    ZoneOffsetTransition next = zone.getRules().nextTransition(Instant.ofEpochMilli(ts));
    if (next != null) {
      until = Math.min(until, next.getInstant().toEpochMilli());
    }
    return this;
  }

  long epochDay() {
    return epochDay;
  }

  int hour() {
    return hour;
  }

  boolean weekend() {
    return weekend;
  }
}
