package ai.digitaltwin.generator.behavior;

import java.time.Instant;
import java.time.ZoneId;

/** A simulated instant seen on a person's local clock. */
public record Moment(long epochMilli, long epochDay, double minuteOfDay, int hour, boolean weekend) {

  /** The local view of an instant, given the zone's offset at that instant in seconds. */
  public static Moment at(long epochMilli, int offsetSeconds) {
    long local = epochMilli / 1000 + offsetSeconds;
    long day = Math.floorDiv(local, 86_400);
    double minute = Math.floorMod(local, 86_400) / 60.0;
    int dayOfWeek = (int) Math.floorMod(day + 3, 7); // 1970-01-01 was a Thursday; 0 = Monday
    return new Moment(epochMilli, day, minute, (int) (minute / 60), dayOfWeek >= 5);
  }

  public static int offsetSeconds(ZoneId zone, long epochMilli) {
    return zone.getRules().getOffset(Instant.ofEpochMilli(epochMilli)).getTotalSeconds();
  }
}
