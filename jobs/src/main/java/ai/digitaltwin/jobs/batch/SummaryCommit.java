package ai.digitaltwin.jobs.batch;

import ai.digitaltwin.catalog.BatchRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFileFactory;

/**
 * Replaces the planned days of {@code daily_summaries} in one overwrite: the partitions of those days
 * are dropped whole and one file per day added, sorted by twin (no delete files, which DuckDB reads
 * badly), and the input snapshots the rows come from are remembered in the snapshot summary. The commit
 * fails if another rollup committed since this one was planned; the next run starts from that one. A plan
 * whose input snapshots the table's current snapshot already records was committed before (a retried
 * task): it is not committed twice.
 */
final class SummaryCommit {
  record Committed(int days, long rows, long snapshotId) {}

  private SummaryCommit() {}

  static Committed commit(Table table, RollupPlan plan, List<DayStats> rows) {
    Snapshot planned = table.currentSnapshot();
    if (planned != null && !table.spec().isUnpartitioned() && records(planned, plan)) {
      return new Committed(
          Integer.parseInt(planned.summary().getOrDefault(BatchRecords.ROLLUP_DAYS, "0")),
          Long.parseLong(planned.summary().getOrDefault(BatchRecords.ROLLUP_ROWS, "0")),
          planned.snapshotId());
    }
    if (table.spec().isUnpartitioned()) {
      // a table made before days became its partitions: every row is replaced below anyway
      table.updateSpec().addField("day").commit();
    }
    Map<Integer, List<Record>> byDay = new TreeMap<>();
    rows.stream()
        .sorted(Comparator.comparingInt((DayStats s) -> s.day).thenComparing(s -> s.twinId))
        .forEach(s -> byDay.computeIfAbsent(s.day, d -> new ArrayList<>()).add(s.record(table.schema())));
    TreeSet<Integer> days = new TreeSet<>(plan.full() ? byDay.keySet() : plan.days());
    Expression replaced =
        plan.full() ? Expressions.alwaysTrue() : Expressions.in("day", days.toArray());
    OverwriteFiles overwrite = table.newOverwrite().overwriteByRowFilter(replaced);
    if (planned != null) {
      overwrite.validateFromSnapshot(planned.snapshotId()).conflictDetectionFilter(replaced).validateNoConflictingData();
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
    overwrite.set(BatchRecords.ROLLUP_DAYS, String.valueOf(days.size()));
    overwrite.set(BatchRecords.ROLLUP_ROWS, String.valueOf(rows.size()));
    overwrite.commit();
    table.refresh();
    return new Committed(days.size(), rows.size(), table.currentSnapshot().snapshotId());
  }

  private static boolean records(Snapshot snapshot, RollupPlan plan) {
    return inputId(plan.healthSnapshot()).equals(snapshot.summary().get(RollupPlan.HEALTH_SNAPSHOT))
        && inputId(plan.anomaliesSnapshot()).equals(snapshot.summary().get(RollupPlan.ANOMALIES_SNAPSHOT));
  }

  private static String inputId(Long snapshotId) {
    return snapshotId == null ? "none" : String.valueOf(snapshotId);
  }
}
