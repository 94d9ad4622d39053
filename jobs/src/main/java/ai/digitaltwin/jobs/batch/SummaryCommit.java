package ai.digitaltwin.jobs.batch;

import ai.digitaltwin.catalog.BatchRecords;
import ai.digitaltwin.catalog.TableDefinitions;
import ai.digitaltwin.schemas.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFileFactory;

/**
 * Writes a rollup's days into {@code daily_summaries} in one overwrite: the partitions of the days it
 * touches are dropped whole and one file per day added, sorted by twin (no delete files, which DuckDB
 * reads badly), and the input snapshots the rows come from are remembered in the snapshot summary. A full
 * run replaces every day; an incremental one adds its sums to the rows already there ({@link
 * DayStats#of}), read from the snapshot it was planned from, and carries the other twins' rows of those
 * days over. The commit fails if another rollup committed since this one was planned; the next run
 * starts from that one. A plan whose input snapshots the table's current snapshot already records was
 * committed before (a retried task): it is not committed twice.
 */
final class SummaryCommit {
  record Committed(int days, long rows, long snapshotId) {}

  private SummaryCommit() {}

  static Committed commit(Table table, RollupPlan plan, List<DayStats> sums) {
    Snapshot current = table.currentSnapshot();
    if (current != null && !table.spec().isUnpartitioned() && records(current, plan)) {
      return new Committed(
          Integer.parseInt(current.summary().getOrDefault(BatchRecords.ROLLUP_DAYS, "0")),
          Long.parseLong(current.summary().getOrDefault(BatchRecords.ROLLUP_ROWS, "0")),
          current.snapshotId());
    }
    // an incremental run adds to the rows of the snapshot it was planned from; a full one replaces them all
    Long planned = plan.full() ? (current == null ? null : current.snapshotId()) : plan.summariesSnapshot();
    if (!Objects.equals(planned, current == null ? null : current.snapshotId())) {
      throw new IllegalStateException(
          Tables.DAILY_SUMMARIES + " changed since this rollup was planned (snapshot " + planned + ", now "
              + current.snapshotId() + "): another rollup ran; run it again");
    }
    if (table.spec().isUnpartitioned()) {
      // a table made before days became its partitions: every row is replaced below anyway
      table.updateSpec().addField("day").commit();
    }
    if (TableDefinitions.DAILY_PARTIALS.stream().anyMatch(c -> table.schema().findField(c) == null)) {
      // a table made before its rows kept their counts: a full run, which this is, writes them
      table.updateSchema().unionByNameWith(TableDefinitions.DAILY_SUMMARIES).commit();
    }
    Map<String, DayStats> byKey = new HashMap<>();
    sums.forEach(s -> byKey.merge(s.key, s, DayStats::merge));
    TreeSet<Integer> days = new TreeSet<>();
    byKey.values().forEach(s -> days.add(s.day));
    Expression replaced = plan.full() ? Expressions.alwaysTrue() : inDays(days);
    Map<String, Record> rows = new HashMap<>();
    if (!plan.full() && !days.isEmpty()) {
      try (CloseableIterable<Record> old = IcebergGenerics.read(table).useSnapshot(planned).where(replaced).build()) {
        for (Record r : old) {
          DayStats before = DayStats.of(r);
          DayStats added = byKey.remove(before.key);
          // a row with nothing new is carried over as it was, not rebuilt from its mean and count
          rows.put(before.key, added == null ? r.copy() : DayStats.merge(before, added).record(table.schema()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    byKey.forEach((key, s) -> rows.put(key, s.record(table.schema())));
    Map<Integer, List<Record>> byDay = new TreeMap<>();
    rows.values().stream()
        .sorted(Comparator.comparing((Record r) -> (LocalDate) r.getField("day")).thenComparing(r -> (String) r.getField("twin_id")))
        .forEach(r -> byDay.computeIfAbsent((int) ((LocalDate) r.getField("day")).toEpochDay(), d -> new ArrayList<>()).add(r));
    OverwriteFiles overwrite = table.newOverwrite().overwriteByRowFilter(replaced);
    if (planned != null) {
      overwrite.validateFromSnapshot(planned).conflictDetectionFilter(replaced).validateNoConflictingData();
    }
    GenericAppenderFactory factory = new GenericAppenderFactory(table.schema(), table.spec());
    OutputFileFactory files = OutputFileFactory.builderFor(table, 1, System.nanoTime()).format(FileFormat.PARQUET).build();
    InternalRecordWrapper wrapper = new InternalRecordWrapper(table.schema().asStruct());
    try {
      for (List<Record> day : byDay.values()) {
        PartitionKey key = new PartitionKey(table.spec(), table.schema());
        key.partition(wrapper.wrap(day.get(0)));
        DataWriter<Record> writer = factory.newDataWriter(files.newOutputFile(table.spec(), key), FileFormat.PARQUET, key);
        try (writer) {
          day.forEach(writer::write);
        }
        overwrite.addFile(writer.toDataFile());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    overwrite.set(RollupPlan.HEALTH_SNAPSHOT, inputId(plan.healthSnapshot()));
    overwrite.set(RollupPlan.ANOMALIES_SNAPSHOT, inputId(plan.anomaliesSnapshot()));
    overwrite.set(BatchRecords.ROLLUP_PARTIALS, "true");
    overwrite.set(BatchRecords.ROLLUP_DAYS, String.valueOf(days.size()));
    overwrite.set(BatchRecords.ROLLUP_ROWS, String.valueOf(rows.size()));
    overwrite.commit();
    table.refresh();
    return new Committed(days.size(), rows.size(), table.currentSnapshot().snapshotId());
  }

  /** The rows of {@code days}; none when there are none (new input of closing anomaly records only). */
  private static Expression inDays(TreeSet<Integer> days) {
    return days.isEmpty() ? Expressions.alwaysFalse() : Expressions.in("day", days.toArray());
  }

  private static boolean records(Snapshot snapshot, RollupPlan plan) {
    return inputId(plan.healthSnapshot()).equals(snapshot.summary().get(RollupPlan.HEALTH_SNAPSHOT))
        && inputId(plan.anomaliesSnapshot()).equals(snapshot.summary().get(RollupPlan.ANOMALIES_SNAPSHOT));
  }

  private static String inputId(Long snapshotId) {
    return snapshotId == null ? "none" : String.valueOf(snapshotId);
  }
}
