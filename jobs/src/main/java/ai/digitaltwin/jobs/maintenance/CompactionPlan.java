package ai.digitaltwin.jobs.maintenance;

import java.util.List;
import java.util.Set;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expression;

/**
 * What one compaction rewrites: every data file of the chosen day partitions as of one snapshot.
 *
 * @param filter selects exactly those partitions' rows
 */
record CompactionPlan(
    Table table, long snapshotId, long sequenceNumber, List<Integer> days, Set<DataFile> files, Expression filter) {

  boolean isEmpty() {
    return files.isEmpty();
  }
}
