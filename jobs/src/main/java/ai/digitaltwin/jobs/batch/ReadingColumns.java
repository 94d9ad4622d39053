package ai.digitaltwin.jobs.batch;

import ai.digitaltwin.catalog.TableDefinitions;
import ai.digitaltwin.jobs.sink.Columns;
import java.util.List;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.Schema;

/**
 * The columns of {@code health_events} a rollup reads, and their positions in the projected rows (a
 * projection keeps the table's order): the event id, source and the vitals no summary holds are not read.
 */
final class ReadingColumns {
  static final List<String> NAMES =
      List.of("twin_id", "ts", "heart_rate", "systolic_bp", "spo2", "body_temp_c", "steps", "activity");
  private static final Schema READ = TableDefinitions.HEALTH_EVENTS.select(NAMES);
  static final int TWIN_ID = Columns.position(READ, "twin_id");
  static final int TS = Columns.position(READ, "ts");
  static final int HEART_RATE = Columns.position(READ, "heart_rate");
  static final int SYSTOLIC = Columns.position(READ, "systolic_bp");
  static final int SPO2 = Columns.position(READ, "spo2");
  static final int TEMP = Columns.position(READ, "body_temp_c");
  static final int STEPS = Columns.position(READ, "steps");
  static final int ACTIVITY = Columns.position(READ, "activity");

  private ReadingColumns() {}

  static long ts(RowData row) {
    return Columns.millis(row, TS);
  }
}
