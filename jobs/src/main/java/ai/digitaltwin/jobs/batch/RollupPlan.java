package ai.digitaltwin.jobs.batch;

import ai.digitaltwin.catalog.BatchRecords;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.iceberg.DataOperations;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * Which days a rollup recomputes. The snapshot summary of {@code daily_summaries} remembers the
 * {@code health_events} and {@code anomalies} snapshots its rows were computed from; the files appended
 * since (Iceberg's incremental append scan) give the time span of the new input, and every local day
 * that span touches, in any twin's zone, is recomputed for all twins. Compaction ({@code replace}
 * snapshots) changes no content and is skipped; anything else (no remembered snapshot, one expired or not
 * an ancestor, a delete or overwrite in between, a file without time bounds) recomputes every day.
 *
 * @param days the local days to recompute (epoch days); empty with {@code full}: all of them
 */
public record RollupPlan(Long healthSnapshot, Long anomaliesSnapshot, boolean full, String reason, SortedSet<Integer> days)
    implements Serializable {
  public static final String HEALTH_SNAPSHOT = BatchRecords.ROLLUP_HEALTH_SNAPSHOT;
  public static final String ANOMALIES_SNAPSHOT = BatchRecords.ROLLUP_ANOMALIES_SNAPSHOT;

  public boolean nothingChanged() {
    return !full && days.isEmpty();
  }

  static RollupPlan of(Table health, Table anomalies, Table summaries, LocalDays zones) {
    Long healthNow = idOf(health.currentSnapshot());
    Long anomaliesNow = idOf(anomalies.currentSnapshot());
    Snapshot last = summaries.currentSnapshot();
    if (last == null || last.summary().get(HEALTH_SNAPSHOT) == null) {
      return full(healthNow, anomaliesNow, "first rollup");
    }
    if (summaries.spec().isUnpartitioned()) {
      return full(healthNow, anomaliesNow, "daily_summaries is not yet partitioned by day");
    }
    SortedSet<Integer> days = new TreeSet<>();
    for (Input input : List.of(
        new Input(health, healthNow, last.summary().get(HEALTH_SNAPSHOT)),
        new Input(anomalies, anomaliesNow, last.summary().get(ANOMALIES_SNAPSHOT)))) {
      String why = input.changedDays(zones, days);
      if (why != null) {
        return full(healthNow, anomaliesNow, why);
      }
    }
    return new RollupPlan(healthNow, anomaliesNow, false, days.isEmpty() ? "no new input" : "new input", days);
  }

  /** The span of event time to read for the planned days: every zone's start of each day to its end. */
  Expression readFilter(LocalDays zones, String tsColumn) {
    if (full) {
      return Expressions.alwaysTrue();
    }
    Expression any = Expressions.alwaysFalse();
    long[] span = null;
    List<long[]> spans = new ArrayList<>();
    for (int day : days) {
      long from = Long.MAX_VALUE;
      long to = Long.MIN_VALUE;
      for (ZoneId zone : zones.allZones()) {
        from = Math.min(from, LocalDays.startOf(LocalDate.ofEpochDay(day), zone));
        to = Math.max(to, LocalDays.startOf(LocalDate.ofEpochDay(day + 1L), zone));
      }
      if (span != null && from <= span[1]) {
        span[1] = Math.max(span[1], to);
      } else {
        span = new long[] {from, to};
        spans.add(span);
      }
    }
    for (long[] s : spans) {
      any = Expressions.or(any,
          Expressions.and(Expressions.greaterThanOrEqual(tsColumn, s[0] * 1000), Expressions.lessThan(tsColumn, s[1] * 1000)));
    }
    return any;
  }

  private static RollupPlan full(Long health, Long anomalies, String reason) {
    return new RollupPlan(health, anomalies, true, reason, new TreeSet<>());
  }

  private static Long idOf(Snapshot snapshot) {
    return snapshot == null ? null : snapshot.snapshotId();
  }

  /** One input table, its snapshot now and the one the summaries were computed from ("none" if empty then). */
  private record Input(Table table, Long now, String remembered) {
    /** Adds the days with new input to {@code days}; a reason to recompute everything instead, or null. */
    String changedDays(LocalDays zones, Set<Integer> days) {
      String then = remembered == null ? "none" : remembered;
      if (then.equals(now == null ? "none" : String.valueOf(now))) {
        return null;
      }
      String name = table.name();
      if (now == null) {
        return name + " has no snapshot any more";
      }
      Long from = null;
      if (!"none".equals(then)) {
        try {
          from = Long.parseLong(then);
        } catch (NumberFormatException e) {
          return name + ": unreadable remembered snapshot '" + then + "'";
        }
        if (table.snapshot(from) == null || !SnapshotUtil.isAncestorOf(table, now, from)) {
          return name + ": snapshot " + from + " expired or not an ancestor of the current one";
        }
      } else if (SnapshotUtil.oldestAncestor(table).parentId() != null) {
        return name + ": its first snapshots were expired";
      }
      for (Snapshot s : SnapshotUtil.ancestorsBetween(table, now, from)) {
        String op = s.operation();
        if (!DataOperations.APPEND.equals(op) && !DataOperations.REPLACE.equals(op)) {
          return name + ": snapshot " + s.snapshotId() + " is a " + op + ", not an append";
        }
      }
      int ts = table.schema().findField("ts").fieldId();
      var scan = table.newIncrementalAppendScan().toSnapshot(now).includeColumnStats();
      if (from != null) {
        scan = scan.fromSnapshotExclusive(from);
      }
      try (CloseableIterable<FileScanTask> tasks = scan.planFiles()) {
        for (FileScanTask task : tasks) {
          var lower = task.file().lowerBounds() == null ? null : task.file().lowerBounds().get(ts);
          var upper = task.file().upperBounds() == null ? null : task.file().upperBounds().get(ts);
          if (lower == null || upper == null) {
            return name + ": file " + task.file().location() + " has no time bounds";
          }
          long lo = Math.floorDiv((Long) Conversions.fromByteBuffer(Types.TimestampType.withZone(), lower), 1000L);
          long hi = Math.floorDiv((Long) Conversions.fromByteBuffer(Types.TimestampType.withZone(), upper), 1000L);
          for (ZoneId zone : zones.allZones()) {
            long first = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(lo), zone).toEpochDay();
            long last = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(hi), zone).toEpochDay();
            for (long d = first; d <= last; d++) {
              days.add((int) d);
            }
          }
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return null;
    }
  }
}
