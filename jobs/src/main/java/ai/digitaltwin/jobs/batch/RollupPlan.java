package ai.digitaltwin.jobs.batch;

import ai.digitaltwin.catalog.BatchRecords;
import ai.digitaltwin.schemas.Tables;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.iceberg.DataOperations;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * What a rollup reads. The snapshot summary of {@code daily_summaries} remembers the {@code health_events}
 * and {@code anomalies} snapshots its rows were computed from; an incremental run reads only the files
 * appended since (Iceberg's incremental append scan), sums them per twin and local day, and adds those sums
 * to the days already in {@code daily_summaries} ({@link SummaryCommit}): what it costs follows the new
 * input, not the days it touches. Compaction ({@code replace} snapshots) changes no content and is
 * skipped. Anything else reads every row again: no remembered snapshot, one expired or not an ancestor, a
 * delete or overwrite in between, a file without time bounds, or summaries written without the counts
 * behind their means.
 *
 * @param summariesSnapshot the {@code daily_summaries} snapshot planned from, which an incremental run adds to
 * @param healthFrom the {@code health_events} snapshot already summed (exclusive), null if none was
 * @param anomaliesFrom likewise for {@code anomalies}
 * @param days the local days with new input in any twin's zone (epoch days), an upper bound of the days
 *     an incremental run replaces; empty with {@code full}: all of them
 */
public record RollupPlan(
    Long summariesSnapshot, Long healthSnapshot, Long anomaliesSnapshot, Long healthFrom, Long anomaliesFrom,
    boolean full, String reason, SortedSet<Integer> days)
    implements Serializable {
  public static final String HEALTH_SNAPSHOT = BatchRecords.ROLLUP_HEALTH_SNAPSHOT;
  public static final String ANOMALIES_SNAPSHOT = BatchRecords.ROLLUP_ANOMALIES_SNAPSHOT;

  public boolean nothingChanged() {
    return !full && days.isEmpty();
  }

  /** Whether {@code health_events} has rows this run reads. */
  boolean readsHealth() {
    return healthSnapshot != null && (full || !healthSnapshot.equals(healthFrom));
  }

  /** Whether {@code anomalies} has rows this run reads. */
  boolean readsAnomalies() {
    return anomaliesSnapshot != null && (full || !anomaliesSnapshot.equals(anomaliesFrom));
  }

  static RollupPlan of(Table health, Table anomalies, Table summaries, LocalDays zones) {
    Long healthNow = idOf(health.currentSnapshot());
    Long anomaliesNow = idOf(anomalies.currentSnapshot());
    Snapshot last = summaries.currentSnapshot();
    Long summariesNow = idOf(last);
    if (last == null || last.summary().get(HEALTH_SNAPSHOT) == null) {
      return full(summariesNow, healthNow, anomaliesNow, "first rollup");
    }
    if (summaries.spec().isUnpartitioned()) {
      return full(summariesNow, healthNow, anomaliesNow, Tables.DAILY_SUMMARIES + " is not yet partitioned by day");
    }
    if (!"true".equals(last.summary().get(BatchRecords.ROLLUP_PARTIALS))) {
      return full(summariesNow, healthNow, anomaliesNow, Tables.DAILY_SUMMARIES + " was written without the counts behind its means");
    }
    SortedSet<Integer> days = new TreeSet<>();
    Long[] from = new Long[2];
    List<Input> inputs = List.of(
        new Input(health, healthNow, last.summary().getOrDefault(HEALTH_SNAPSHOT, "none")),
        new Input(anomalies, anomaliesNow, last.summary().getOrDefault(ANOMALIES_SNAPSHOT, "none")));
    for (int i = 0; i < inputs.size(); i++) {
      Input input = inputs.get(i);
      String why = input.changedDays(zones, days);
      if (why != null) {
        return full(summariesNow, healthNow, anomaliesNow, why);
      }
      from[i] = "none".equals(input.remembered()) ? null : Long.parseLong(input.remembered());
    }
    return new RollupPlan(
        summariesNow, healthNow, anomaliesNow, from[0], from[1], false, days.isEmpty() ? "no new input" : "new input", days);
  }

  static RollupPlan noInput() {
    return new RollupPlan(null, null, null, null, null, false, "no input yet", new TreeSet<>());
  }

  private static RollupPlan full(Long summaries, Long health, Long anomalies, String reason) {
    return new RollupPlan(summaries, health, anomalies, null, null, true, reason, new TreeSet<>());
  }

  private static Long idOf(Snapshot snapshot) {
    return snapshot == null ? null : snapshot.snapshotId();
  }

  /** One input table, its snapshot now and the one the summaries were computed from ("none" if it was empty). */
  private record Input(Table table, Long now, String remembered) {
    /** Adds the days with new input to {@code days}; a reason to recompute everything instead, or null. */
    String changedDays(LocalDays zones, Set<Integer> days) {
      String then = remembered;
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
