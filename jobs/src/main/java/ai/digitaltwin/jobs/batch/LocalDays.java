package ai.digitaltwin.jobs.batch;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Each twin's local day of an instant: days close at midnight in the zone of the twin's profile
 * ({@code twin_registry.timezone}, its newest row), in UTC for a twin without one or with a zone Java
 * does not know. A twin that moves zone keeps the days already rolled up as they were.
 */
final class LocalDays implements Serializable {
  private static final long serialVersionUID = 1L;

  private final HashMap<String, String> zones;
  private transient Map<String, ZoneId> parsed;

  LocalDays(Map<String, String> zones) {
    this.zones = new HashMap<>(zones);
  }

  /** The twin's zone. */
  ZoneId zone(String twinId) {
    if (parsed == null) {
      parsed = new HashMap<>();
    }
    return parsed.computeIfAbsent(twinId, id -> parse(zones.get(id)));
  }

  /** The twin's local day of {@code epochMillis}, as days since 1970-01-01. */
  int epochDay(String twinId, long epochMillis) {
    return epochDay(zone(twinId), epochMillis);
  }

  /** The local day in {@code zone} of {@code epochMillis}, as days since 1970-01-01. */
  static int epochDay(ZoneId zone, long epochMillis) {
    ZoneOffset offset = zone.getRules().getOffset(Instant.ofEpochMilli(epochMillis));
    return (int) Math.floorDiv(Math.floorDiv(epochMillis, 1000L) + offset.getTotalSeconds(), 86_400L);
  }

  /** Every zone a twin has, and UTC (twins without a profile). */
  Set<ZoneId> allZones() {
    Set<ZoneId> all = new TreeSet<>((a, b) -> a.getId().compareTo(b.getId()));
    all.add(ZoneOffset.UTC);
    zones.values().forEach(z -> all.add(parse(z)));
    return all;
  }

  /** Start of {@code day} in {@code zone}, epoch milliseconds. */
  static long startOf(LocalDate day, ZoneId zone) {
    return day.atStartOfDay(zone).toInstant().toEpochMilli();
  }

  int size() {
    return zones.size();
  }

  private static ZoneId parse(String zone) {
    if (zone == null || zone.isBlank()) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }
}
