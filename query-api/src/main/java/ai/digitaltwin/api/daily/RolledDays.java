package ai.digitaltwin.api.daily;

import ai.digitaltwin.api.history.IcebergViews;
import ai.digitaltwin.catalog.BatchRecords;
import ai.digitaltwin.schemas.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataOperations;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.expressions.InclusiveMetricsEvaluator;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * Which spans of event time {@code daily_summaries} answers, for the snapshots the API's views show. The
 * rollup's snapshot summary names the {@code health_events} snapshot it read; readings appended after it
 * (Iceberg's incremental append scan up to the shown snapshot) make their days the raw readings' to
 * answer until the next rollup: late data, today, days after the last rollup. Compaction ({@code
 * replace}) adds no readings and is skipped; anything else between the two snapshots (a delete, an
 * overwrite, an expired or foreign snapshot) and a table never rolled up leave every day to the readings.
 */
final class RolledDays {
  /** Nothing rolled up, or nothing known of what the rollup read: every day from the readings. */
  static final Coverage NONE = new Coverage(false, null, List.of());

  /**
   * What the rollup answers: every day ({@code rolled}) but those the files {@code appended} after it may
   * hold readings of, by their partition and column bounds (a file without bounds may hold any).
   *
   * @param rolled whether {@code daily_summaries} answers any day at all
   */
  record Coverage(boolean rolled, Schema schema, List<DataFile> appended) {
    /** Whether the rollup's row of {@code twinId}'s day {@code [fromMs, toMs)} is as the readings are now. */
    boolean answers(String twinId, long fromMs, long toMs) {
      if (!rolled) {
        return false;
      }
      if (appended.isEmpty()) {
        return true;
      }
      Expression day = Expressions.and(Expressions.equal("twin_id", twinId),
          Expressions.and(Expressions.greaterThanOrEqual("ts", fromMs * 1000), Expressions.lessThan("ts", toMs * 1000)));
      InclusiveMetricsEvaluator evaluator = new InclusiveMetricsEvaluator(schema, day);
      return appended.stream().noneMatch(evaluator::eval);
    }
  }

  /** A coverage and the snapshots of {@code daily_summaries} and {@code health_events} it is for. */
  private record Planned(long summaries, long health, Coverage coverage) {}

  private final IcebergViews views;
  private volatile Planned planned;

  RolledDays(IcebergViews views) {
    this.views = views;
  }

  /** The coverage for the snapshots the views show now; planned once per pair of snapshots. */
  Coverage now() {
    long summaries = views.state(Tables.DAILY_SUMMARIES).map(IcebergViews.ViewState::snapshotId).orElse(-1L);
    long health = views.state(Tables.HEALTH_EVENTS).map(IcebergViews.ViewState::snapshotId).orElse(-1L);
    Planned known = planned;
    if (known != null && known.summaries() == summaries && known.health() == health) {
      return known.coverage();
    }
    Coverage fresh = summaries < 0 ? NONE : of(views.table(Tables.DAILY_SUMMARIES).snapshot(summaries), views.table(Tables.HEALTH_EVENTS), health);
    planned = new Planned(summaries, health, fresh);
    return fresh;
  }

  /** The coverage of the rollup {@code rollup} for the readings of snapshot {@code shown} (-1: none). */
  static Coverage of(Snapshot rollup, Table health, long shown) {
    String remembered = rollup == null ? null : rollup.summary().get(BatchRecords.ROLLUP_HEALTH_SNAPSHOT);
    if (remembered == null || !"true".equals(rollup.summary().get(BatchRecords.ROLLUP_PARTIALS))) {
      // no rollup yet, or one from before its rows kept their counts: the next rollup rewrites them all
      return NONE;
    }
    if (remembered.equals(shown < 0 ? "none" : String.valueOf(shown))) {
      return new Coverage(true, null, List.of());
    }
    if (shown < 0) {
      return NONE;
    }
    Long from = null;
    if (!"none".equals(remembered)) {
      try {
        from = Long.parseLong(remembered);
      } catch (NumberFormatException e) {
        return NONE;
      }
      if (health.snapshot(from) == null || health.snapshot(shown) == null) {
        return NONE;
      }
      if (!SnapshotUtil.isAncestorOf(health, shown, from)) {
        // the view shows an older snapshot than the rollup read: its rows are newer than the readings shown
        return SnapshotUtil.isAncestorOf(health, from, shown) ? new Coverage(true, null, List.of()) : NONE;
      }
    } else if (SnapshotUtil.oldestAncestorOf(health, shown).parentId() != null) {
      return NONE;
    }
    for (Snapshot s : SnapshotUtil.ancestorsBetween(health, shown, from)) {
      if (!DataOperations.APPEND.equals(s.operation()) && !DataOperations.REPLACE.equals(s.operation())) {
        return NONE;
      }
    }
    return new Coverage(true, health.schema(), appendedSince(health, from, shown));
  }

  private static List<DataFile> appendedSince(Table health, Long from, long shown) {
    var scan = health.newIncrementalAppendScan().toSnapshot(shown).includeColumnStats();
    if (from != null) {
      scan = scan.fromSnapshotExclusive(from);
    }
    List<DataFile> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = scan.planFiles()) {
      tasks.forEach(task -> files.add(task.file().copy()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(files);
  }
}
